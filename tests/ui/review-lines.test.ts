import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/ui/components/text.js';
import { questionLines, scrollTo } from '../../src/ui/review-lines.js';
import { windowStart, type ListRow } from '../../src/ui/components/SectionList.js';
import { bankItem } from './app/fake-services.js';

describe('question rows', () => {
  it('keeps the line breaks and indentation of a prompt that quotes code', () => {
    const item = { ...bankItem('code'), prompt: 'async def f():\n    await g()\n\nWhat runs?' };
    const { lines, choicesStart, choiceRows } = questionLines(item, 40, 0);
    expect(lines.slice(0, 4).map(lineText)).toEqual(['async def f():', '    await g()', '', 'What runs?']);
    expect(choicesStart).toBe(5);
    expect(lines.slice(5).map(lineText)).toEqual(['❯ 1. right answer of code', '  2. wrong answer of code']);
    expect(choiceRows).toEqual([
      [5, 6],
      [6, 7],
    ]);
  });

  it('after an answer marks the right choice and a wrong pick, each followed by its why', () => {
    const { lines, choiceRows } = questionLines(bankItem('q'), 40, 0, 1);
    expect(lines.slice(2).map(lineText)).toEqual([
      '✓ 1. right answer of q',
      '     Why q is right.',
      '',
      '✗ 2. wrong answer of q (your answer)',
      '     Why q is wrong.',
    ]);
    expect(choiceRows).toEqual([
      [2, 5],
      [5, 7],
    ]);
  });

  it('wraps long choices under their text, never wider than the width', () => {
    const item = { ...bankItem('w'), choices: [{ text: 'word '.repeat(30), correct: true, why: 'why '.repeat(30) }] };
    const { lines } = questionLines(item, 30, 0, 0);
    for (const line of lines) expect(lineText(line).length).toBeLessThanOrEqual(30);
    expect(lines.filter((l) => lineText(l).startsWith('     word')).length).toBeGreaterThan(0);
  });
});

describe('scrolling', () => {
  it('moves the view no more than needed to show a choice, its start first when it is taller', () => {
    expect(scrollTo(0, 2, 4, 5, 20)).toBe(0);
    expect(scrollTo(0, 6, 8, 5, 20)).toBe(3);
    expect(scrollTo(6, 2, 4, 5, 20)).toBe(2);
    expect(scrollTo(0, 6, 14, 5, 20)).toBe(6);
    expect(scrollTo(0, 18, 20, 5, 20)).toBe(15);
  });

  it('keeps the cursor and the heading above it in the home list window', () => {
    const rows: ListRow[] = [
      { kind: 'item', value: 'a', label: 'a' },
      { kind: 'item', value: 'b', label: 'b' },
      { kind: 'heading', text: 'Pack p 1.0' },
      { kind: 'item', value: 'c', label: 'c' },
      { kind: 'item', value: 'd', label: 'd' },
    ];
    expect(windowStart(rows, 1, 2, 0)).toBe(0);
    expect(windowStart(rows, 3, 2, 0)).toBe(2);
    expect(windowStart(rows, 4, 2, 2)).toBe(3);
    expect(windowStart(rows, 3, 2, 3)).toBe(2);
    expect(windowStart(rows, 0, 2, 3)).toBe(0);
  });
});
