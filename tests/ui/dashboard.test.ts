import { describe, expect, it } from 'vitest';
import type { ReviewState } from '../../src/core/review.js';
import { conceptMastery, dayCell, practiceChart, totals, type DashboardInput } from '../../src/ui/dashboard.js';
import type { KataProgressView } from '../../src/ui/services.js';
import { kata } from './app/fake-services.js';

const card = (seen: number, correct: number) => ({ box: 1, due: '2026-11-24T10:00:00.000Z', seen, correct });

function input(review: ReviewState = {}): DashboardInput {
  const a = { ...kata('a'), concepts: ['await', 'coroutine objects'] };
  const b = { ...kata('b', 2), concepts: ['await', 'event loop'] };
  const progress: Record<string, KataProgressView> = {
    a: { status: 'solved', attempts: 2, hintsUsed: 2, quiz: { 0: { correct: true }, 1: { correct: false } } },
    b: { status: 'attempted', attempts: 1, hintsUsed: 0 },
  };
  return {
    katas: [a, b],
    progress: (id) => progress[id] ?? { status: 'new', attempts: 0, hintsUsed: 0 },
    review,
    bankTopics: new Map([
      ['gil', 'threads'],
      ['loop', 'event loop'],
    ]),
  };
}

describe('concept mastery', () => {
  it('counts katas solved and quiz answers per concept, a kata counting for each of its concepts', () => {
    expect(conceptMastery(input())).toEqual([
      { concept: 'await', katas: 2, solved: 1, answers: 2, right: 1 },
      { concept: 'coroutine objects', katas: 1, solved: 1, answers: 2, right: 1 },
      { concept: 'event loop', katas: 1, solved: 0, answers: 0, right: 0 },
    ]);
  });

  it("attributes a kata's review cards to its concepts and a bank card to its topic; unknown cards count for nothing", () => {
    const rows = conceptMastery(input({ 'b#1': card(3, 2), 'bank:loop': card(2, 2), 'bank:gil': card(1, 0), 'bank:gone': card(5, 5), 'gone#1': card(4, 4) }));
    expect(rows.find((r) => r.concept === 'event loop')).toEqual({ concept: 'event loop', katas: 1, solved: 0, answers: 5, right: 4 });
    expect(rows.find((r) => r.concept === 'await')).toMatchObject({ answers: 5, right: 3 });
    // A topic only the bank asks about comes after the taught concepts.
    expect(rows.at(-1)).toEqual({ concept: 'threads', katas: 0, solved: 0, answers: 1, right: 0 });
  });

  it('totals solved katas, hints and every answer once', () => {
    expect(totals(input({ 'bank:gil': card(2, 1) }))).toEqual({
      solved: 1,
      katas: 2,
      hintsUsed: 2,
      hintsAvailable: 6,
      hintedKatas: 1,
      answers: 4,
      right: 2,
    });
  });
});

describe('practice chart', () => {
  const today = new Date(2026, 10, 24, 9);

  it('one cell per day, oldest first, taller for busier days', () => {
    const chart = practiceChart({ '2026-11-24': 1, '2026-11-22': 30, '2026-11-21': 5 }, today, 5);
    expect(chart.cells).toEqual(['·', '▄', '█', '·', '▂']);
    expect(chart.activeDays).toBe(3);
    expect(chart.run).toBe(1);
  });

  it('a run of days counts back from yesterday when today has nothing yet', () => {
    expect(practiceChart({ '2026-11-23': 1, '2026-11-22': 1, '2026-11-20': 1 }, today, 7).run).toBe(2);
    expect(practiceChart({}, today, 7)).toEqual({ cells: Array(7).fill('·'), activeDays: 0, run: 0 });
  });

  it('tells nothing from something at every level', () => {
    expect(new Set([0, 1, 3, 8, 20].map(dayCell)).size).toBe(5);
  });
});
