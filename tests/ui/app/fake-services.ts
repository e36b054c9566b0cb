// Services for App tests: katas in memory, checks answered by a script, every call recorded.
import type { Kata, Quiz } from '../../../src/core/catalog.js';
import { emptyResult, type CheckResult } from '../../../src/core/result.js';
import { questionPool, recordAnswer, type QuizItem, type ReviewState } from '../../../src/core/review.js';
import type { KataProgressView, Services } from '../../../src/ui/services.js';

/** The fake clock: fixed, so due dates are exact. */
export const NOW = new Date('2026-11-24T10:00:00.000Z');

/** A bank question as quiz mode sees it. */
export function bankItem(id: string, topic = 'event loop', extra: Partial<QuizItem> = {}): QuizItem {
  return {
    id: `bank:${id}`,
    topic,
    prompt: `Bank question ${id}?`,
    choices: [
      { text: `right answer of ${id}`, correct: true, why: `Why ${id} is right.` },
      { text: `wrong answer of ${id}`, correct: false, why: `Why ${id} is wrong.` },
    ],
    ...extra,
  };
}

export function kata(id: string, level = 1): Kata {
  return {
    id,
    title: `Title of ${id}`,
    level,
    order: level,
    concepts: ['await'],
    minPython: '3.10',
    tag: 'Python 3.10+ · PEP 492',
    summary: `summary of ${id}`,
    task: `Fix ${id} so that it works.`,
    hints: [`first hint for ${id}`, `second hint for ${id}`, `third hint for ${id}`],
    starterFails: ['wrong-result'],
    references: [{ title: 'PEP 492', url: 'https://peps.python.org/pep-0492/' }],
    dir: `/katas/${id}`,
    files: {
      manifest: `/katas/${id}/kata.json`,
      starter: `/katas/${id}/starter.py`,
      solution: `/katas/${id}/solution.py`,
      tests: `/katas/${id}/tests.py`,
      explanation: `/katas/${id}/explanation.md`,
      quiz: `/katas/${id}/quiz.json`,
      corpus: `/katas/${id}/corpus`,
    },
  };
}

export function result(kataId: string, status: CheckResult['status']): CheckResult {
  const test = (name: string, pass: boolean) => ({
    name,
    status: pass ? ('pass' as const) : ('fail' as const),
    message: pass ? 'ok' : 'checkout returned a coroutine object that was never awaited',
    elapsed: 0,
    diagnostics: pass ? [] : [{ kind: 'never-awaited', message: 'coroutine create_receipt() was never awaited', file: `${kataId}.py`, line: 2 }],
    output: '',
  });
  return { ...emptyResult(kataId, '3.11.7', `${kataId}.py`), status, tests: [test('returns the receipt', status === 'pass'), test('runs side by side', true)] };
}

const QUIZ: Quiz = {
  questions: [
    { prompt: 'What does calling an async def give you?', choices: [{ text: 'A coroutine object', correct: true, why: 'Calling creates it; awaiting runs it.' }, { text: 'Its return value', correct: false, why: 'Only awaiting gives the value.' }] },
    { prompt: 'When does the warning fire?', choices: [{ text: 'At once', correct: false, why: 'No: when it is dropped.' }, { text: 'When the coroutine is dropped unawaited', correct: true, why: 'At deallocation.' }] },
  ],
};

export interface Fake extends Services {
  calls: string[];
  files: Map<string, string>;
  /** Answers the next check with this status (default fail). */
  nextStatus: CheckResult['status'];
  /** Simulates the learner saving the file: the watcher's callback runs. */
  save: (kataId: string, content: string) => void;
  states: Map<string, KataProgressView>;
  editorOutcome: { ok: boolean; error?: string };
  /** The app's notice listener, once it subscribed. */
  notify?: (text: string) => void;
  /** Quiz mode's questions beyond the katas' own (the bank); `poolError` makes quizPool throw. */
  bank: QuizItem[];
  poolError?: string;
  review: ReviewState;
  days: Record<string, number>;
}

export function fakeServices(ids = ['k1', 'k2']): Fake {
  const katas = ids.map((id) => kata(id));
  const watchers = new Map<string, (content: string) => void>();
  const states = new Map<string, KataProgressView>();
  const files = new Map<string, string>();
  const fake: Fake = {
    katas,
    workspaceDir: '/ws',
    calls: [],
    files,
    states,
    nextStatus: 'fail',
    editorOutcome: { ok: true },
    kataFile: (k) => {
      const file = `/ws/${k.id}.py`;
      if (!files.has(file)) files.set(file, `# starter of ${k.id}\nprint("hi")\n`);
      return file;
    },
    readFile: (file) => files.get(file) ?? '',
    prewarm: () => fake.calls.push('prewarm'),
    dispose: () => fake.calls.push('dispose'),
    onNotice: (listener) => {
      fake.notify = listener;
      return () => (fake.notify = undefined);
    },
    check: async (k) => {
      fake.calls.push(`check ${k.id}`);
      return result(k.id, fake.nextStatus);
    },
    watch: (file, onChange) => {
      watchers.set(file, onChange);
      return () => watchers.delete(file);
    },
    openEditor: async (file) => {
      fake.calls.push(`edit ${file}`);
      return fake.editorOutcome;
    },
    resetFile: (k) => {
      fake.calls.push(`reset ${k.id}`);
      files.set(`/ws/${k.id}.py`, `# starter of ${k.id}\n`);
    },
    explanation: (k) => `## Core answer\n\nThe fix for ${k.id} is to await.\n\n## Why this design exists\n\nBecause.\n`,
    quiz: () => QUIZ,
    solution: (k) => `# solution of ${k.id}\n`,
    progress: (id) => states.get(id) ?? { status: 'new', attempts: 0, hintsUsed: 0 },
    recordCheck: (id, status) => {
      fake.calls.push(`record ${id} ${status}`);
      const before = fake.progress(id);
      states.set(id, { ...before, attempts: before.attempts + 1, status: status === 'pass' || before.status === 'solved' ? 'solved' : 'attempted' });
    },
    recordHint: (id, tier) => {
      fake.calls.push(`hint ${id} ${tier}`);
      states.set(id, { ...fake.progress(id), hintsUsed: tier });
    },
    recordQuizAnswer: (id, question, choice, correct) => {
      fake.calls.push(`quiz ${id} ${question} ${choice} ${correct}`);
      const before = fake.progress(id);
      states.set(id, { ...before, quiz: { ...before.quiz, [String(question)]: { correct } } });
    },
    resetProgress: (id) => fake.calls.push(`reset-progress ${id}`),
    bank: [],
    review: {},
    days: {},
    quizPool: () => {
      fake.calls.push('pool');
      if (fake.poolError) throw new Error(fake.poolError);
      return [...questionPool(katas.map((k) => ({ id: k.id, concepts: k.concepts, quiz: QUIZ })), undefined), ...fake.bank];
    },
    reviewState: () => structuredClone(fake.review),
    recordReview: (id, correct) => {
      fake.calls.push(`review ${id} ${correct}`);
      fake.review = recordAnswer(fake.review, id, correct, NOW);
    },
    practiceDays: () => ({ ...fake.days }),
    resetAll: () => {
      fake.calls.push('reset-all');
      states.clear();
      fake.review = {};
      fake.days = {};
      return 1;
    },
    now: () => NOW,
    save: (kataId, content) => {
      const file = `/ws/${kataId}.py`;
      files.set(file, content);
      watchers.get(file)?.(content);
    },
  };
  return fake;
}
