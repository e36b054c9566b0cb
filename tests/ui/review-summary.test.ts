import { describe, expect, it } from 'vitest';
import { recordAnswer, type QuizItem, type ReviewState } from '../../src/core/review.js';
import { bestStreak, dueNext, formatWait } from '../../src/ui/review-summary.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const item = (id: string): QuizItem => ({ id, topic: 't', prompt: '?', choices: [] });

describe('quiz summary', () => {
  it('finds the longest run of right answers anywhere in the session', () => {
    expect(bestStreak([])).toBe(0);
    expect(bestStreak([true, true, true, false, true])).toBe(3);
    expect(bestStreak([false, true, false, true, true])).toBe(2);
  });

  it('says waits in minutes, hours or days', () => {
    expect(formatWait(10 * 60_000)).toBe('10 minutes');
    expect(formatWait(60_000)).toBe('1 minute');
    expect(formatWait(3 * 3_600_000)).toBe('3 hours');
    expect(formatWait(86_400_000)).toBe('1 day');
    expect(formatWait(0)).toBe('now');
  });

  it('groups the session by when each question is due again, soonest first', () => {
    let state: ReviewState = {};
    state = recordAnswer(state, 'a', true, NOW);
    state = recordAnswer(state, 'b', false, NOW);
    state = recordAnswer(state, 'c', true, NOW);
    state = recordAnswer(state, 'd', false, NOW);
    expect(dueNext([item('a'), item('b'), item('c'), item('d'), item('never')], state, NOW)).toEqual([
      { wait: '10 minutes', count: 2 },
      { wait: '1 day', count: 2 },
    ]);
  });
});
