import { describe, expect, it } from 'vitest';
import { loadCatalog, loadQuiz, loadQuizBank } from '../../src/core/catalog.js';
import {
  BOX_INTERVALS_MS,
  TOP_BOX,
  dueCounts,
  pickSession,
  questionPool,
  recordAnswer,
  streak,
  type QuizItem,
  type ReviewState,
} from '../../src/core/review.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

function items(...ids: string[]): QuizItem[] {
  return ids.map((id) => ({ id, topic: 't', prompt: `${id}?`, choices: [{ text: 'a', correct: true, why: 'w' }] }));
}

describe('recordAnswer', () => {
  it('moves a right answer one box up and further out, up to the top box', () => {
    let state: ReviewState = {};
    for (let answers = 1; answers <= TOP_BOX; answers++) {
      state = recordAnswer(state, 'q', true, NOW);
      const expected = Math.min(answers + 1, TOP_BOX);
      expect(state.q).toMatchObject({ box: expected, seen: answers, correct: answers });
      expect(Date.parse(state.q!.due) - NOW.getTime()).toBe(BOX_INTERVALS_MS[expected - 1]);
    }
  });

  it('sends a missed question back to the first box, due again within minutes', () => {
    let state = recordAnswer(recordAnswer({}, 'q', true, NOW), 'q', true, NOW);
    state = recordAnswer(state, 'q', false, NOW);
    expect(state.q).toMatchObject({ box: 1, seen: 3, correct: 2, due: later(10 * 60_000).toISOString() });
  });

  it('leaves the state it was given alone', () => {
    const state: ReviewState = {};
    recordAnswer(state, 'q', true, NOW);
    expect(state).toEqual({});
  });
});

describe('pickSession', () => {
  it('asks what is due first (lowest box, longest overdue), then new questions, then the soonest due', () => {
    const pool = items('a', 'b', 'c', 'd', 'e', 'f');
    const state: ReviewState = {
      a: { box: 3, due: later(-60_000).toISOString(), seen: 3, correct: 3 },
      b: { box: 1, due: later(-1_000).toISOString(), seen: 1, correct: 0 },
      c: { box: 3, due: later(-120_000).toISOString(), seen: 3, correct: 3 },
      d: { box: 2, due: later(5 * 60_000).toISOString(), seen: 2, correct: 2 },
      gone: { box: 1, due: later(-1).toISOString(), seen: 1, correct: 0 },
    };
    expect(pickSession(pool, state, NOW).map((q) => q.id)).toEqual(['b', 'c', 'a', 'e', 'f', 'd']);
    expect(pickSession(pool, state, NOW, 4).map((q) => q.id)).toEqual(['b', 'c', 'a', 'e']);
  });

  it('brings a missed question back in the next session once its minutes are up, not before', () => {
    const pool = items('q', 'r');
    const state = recordAnswer(recordAnswer({}, 'r', true, NOW), 'q', false, NOW);
    expect(pickSession(pool, state, NOW, 1).map((q) => q.id)).toEqual(['q']); // the soonest due when nothing is due
    expect(pickSession(pool, state, later(11 * 60_000), 2).map((q) => q.id)).toEqual(['q', 'r']);
  });
});

describe('questionPool', () => {
  it('holds every kata question and the whole bank, each with a unique id', () => {
    const katas = loadCatalog().map((k) => ({ id: k.id, concepts: k.concepts, quiz: loadQuiz(k) }));
    const bank = loadQuizBank();
    const pool = questionPool(katas, bank);
    const expected = katas.reduce((n, k) => n + k.quiz.questions.length, 0) + bank.questions.length;
    expect(pool).toHaveLength(expected);
    expect(new Set(pool.map((q) => q.id)).size).toBe(expected);
    expect(pool[0]!.id).toBe(`${katas[0]!.id}#1`);
    expect(pool.at(-1)!.id).toBe(`bank:${bank.questions.at(-1)!.id}`);
  });

  it('keeps a bank question\'s minimum Python, and only where it has one', () => {
    const bank = loadQuizBank();
    const pool = questionPool([], bank);
    const newer = bank.questions.filter((q) => q.minPython);
    expect(newer.length).toBeGreaterThan(0);
    for (const q of newer) expect(pool.find((p) => p.id === `bank:${q.id}`)!.minPython).toBe(q.minPython);
    expect(pool.filter((p) => 'minPython' in p)).toHaveLength(newer.length);
  });
});

describe('dueCounts', () => {
  it('counts cards due by now and questions never asked; cards not in the pool do not count', () => {
    const pool = items('a', 'b', 'c', 'd');
    const state: ReviewState = {
      a: { box: 1, due: NOW.toISOString(), seen: 1, correct: 0 },
      b: { box: 2, due: later(1).toISOString(), seen: 1, correct: 1 },
      gone: { box: 1, due: NOW.toISOString(), seen: 1, correct: 0 },
    };
    expect(dueCounts(pool, state, NOW)).toEqual({ due: 1, fresh: 2 });
    expect(dueCounts(pool, state, later(1))).toEqual({ due: 2, fresh: 2 });
  });
});

describe('streak', () => {
  it('counts right answers in a row from the last one', () => {
    expect(streak([])).toBe(0);
    expect(streak([true, false, true, true])).toBe(2);
    expect(streak([true, true, false])).toBe(0);
  });
});
