// The real Services: the domain modules of src/core behind the interface the app is written against.
import fs from 'node:fs';
import type { Kata, Quiz } from '../core/catalog.js';
import { loadQuiz } from '../core/catalog.js';
import type { QuizItem } from '../core/review.js';
import { loadQuestionPool } from '../core/sources.js';
import { collectWhenIdle, collectWhileWaiting } from './memory.js';
import { prepareHarness, runCheck, type PreparedHarness } from '../core/check.js';
import { openInEditor } from '../core/editor.js';
import type { PythonInfo } from '../core/python.js';
import { watchFile } from '../core/watch.js';
import { ensureKataFile, kataFilePath, resetKataFile, type Workspace } from '../core/workspace.js';
import type { ProgressSource } from './deferred-progress.js';
import type { Services } from './services.js';

interface Deps {
  katas: Kata[];
  workspace: Workspace;
  python: PythonInfo;
  store: ProgressSource;
  /** A terminal editor took the screen: the app must draw everything again. */
  onEditorReturn: () => void;
  /** Subscribes to messages for the learner that arrive later (a progress file moved aside). */
  onNotice: Services['onNotice'];
  /** Tells the learner something went wrong that the app can carry on past (a progress write that failed). */
  warn?: (text: string) => void;
}

export function createServices({ katas, workspace, python, store, onEditorReturn, onNotice, warn = () => {} }: Deps): Services {
  // A progress file that can't be written (locked too long by another process, a full disk) costs a
  // notice, never the session: the learner's work is in their file, and the next update tries again.
  const saving = (what: () => unknown): void => {
    try {
      what();
    } catch (error) {
      warn(`progress not saved: ${(error as Error).message}`);
    }
  };
  const quizzes = new Map<string, Quiz>();
  const quizOf = (kata: Kata) => {
    let quiz = quizzes.get(kata.id);
    if (!quiz) quizzes.set(kata.id, (quiz = loadQuiz(kata)));
    return quiz;
  };
  let pool: QuizItem[] | undefined;
  // One harness process waits, already started, for the next save: save-to-verdict then skips
  // Python's start-up. A process checks one file only; the next one is started after each check.
  let warm: PreparedHarness | undefined;
  const prewarm = () => {
    if (warm?.usable) return;
    warm?.dispose();
    warm = prepareHarness(python);
  };
  return {
    katas,
    workspaceDir: workspace.dir,
    kataFile: (kata) => ensureKataFile(workspace, kata).path,
    readFile: (file) => fs.readFileSync(file, 'utf8'),
    check: (kata, file, signal) => {
      const prepared = warm;
      warm = undefined;
      const checked = runCheck({ kata, file, python, signal, prepared });
      collectWhileWaiting();
      const after = () => {
        prewarm();
        collectWhenIdle();
      };
      checked.then(after, after);
      return checked;
    },
    prewarm,
    onNotice,
    dispose: () => {
      warm?.dispose();
      warm = undefined;
    },
    // Editors finish a save within a few ms; a longer debounce would only add to save-to-verdict.
    watch: (file, onChange, since) => watchFile(file, onChange, { since, debounceMs: 40 }),
    openEditor: (file) => openInEditor(file, { onResume: onEditorReturn }),
    resetFile: (kata) => void resetKataFile(workspace, kata),
    explanation: (kata) => fs.readFileSync(kata.files.explanation, 'utf8'),
    quiz: quizOf,
    solution: (kata) => fs.readFileSync(kata.files.solution, 'utf8'),
    progress: (id) => store.get(id),
    recordCheck: (id, status) => saving(() => store.recordCheck(id, status)),
    recordHint: (id, tier) => saving(() => store.recordHint(id, tier)),
    recordQuizAnswer: (id, question, choice, correct) => saving(() => store.recordQuizAnswer(id, question, choice, correct)),
    resetProgress: (id) => saving(() => store.reset(id)),
    quizPool: () => (pool ??= loadQuestionPool(katas, quizOf)),
    reviewState: () => store.review(),
    recordReview: (id, correct) => saving(() => store.recordReview(id, correct, new Date())),
    practiceDays: () => store.days(),
    resetAll: () => {
      // As `reset --all`: only files that exist; katas never opened have nothing to go back to.
      const files = katas.filter((k) => fs.existsSync(kataFilePath(workspace, k.id)));
      for (const kata of files) resetKataFile(workspace, kata);
      saving(() => store.resetAll());
      return files.length;
    },
    now: () => new Date(),
  };
}
