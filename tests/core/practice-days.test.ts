import { describe, expect, it } from 'vitest';
import { bumpDay, lastDays, localDay } from '../../src/core/practice-days.js';

describe('practice days', () => {
  it('keys a moment by its local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('bumps the day of now, leaving others alone', () => {
    const days = bumpDay({ '2026-01-04': 2 }, new Date(2026, 0, 5, 12));
    expect(bumpDay(days, new Date(2026, 0, 5, 13))).toEqual({ '2026-01-04': 2, '2026-01-05': 2 });
  });

  it('lists the last days oldest first, across a month end', () => {
    expect(lastDays(new Date(2026, 2, 2, 8), 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
