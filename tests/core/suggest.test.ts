import { describe, expect, it } from 'vitest';
import { closestMatch, levenshtein } from '../../src/core/suggest.js';

describe('closestMatch', () => {
  const ids = ['blocking-sleep', 'forgotten-await', 'sequential-awaits'];

  it('suggests an id a typo or two away', () => {
    expect(closestMatch('blocking-slep', ids)).toBe('blocking-sleep');
    expect(closestMatch('sequental-await', ids)).toBe('sequential-awaits');
  });

  it('suggests an id that contains what was typed', () => {
    expect(closestMatch('forgotten', ids)).toBe('forgotten-await');
  });

  it('suggests nothing for something unrelated', () => {
    expect(closestMatch('hello', ids)).toBeUndefined();
    expect(closestMatch('x', ids)).toBeUndefined();
  });
});

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });
});
