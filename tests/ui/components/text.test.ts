import { describe, expect, test } from 'vitest';
import { lineText, lineWidth, sanitize, splitLines, textWidth, truncate, truncateLine, wrapSpans } from '../../../src/ui/components/text.js';

describe('textWidth', () => {
  test('counts wide characters twice and combining marks not at all', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('✓ █░')).toBe(4);
  });
});

describe('sanitize', () => {
  test('drops escape sequences and control characters a print could use to move the cursor', () => {
    expect(sanitize('a\u001B[2Jb\u001B[31mc\u001B[0m')).toBe('abc');
    expect(sanitize('x\u001B]8;;http://e\u0007link\u001B]8;;\u0007y')).toBe('xlinky');
    expect(sanitize('bell\u0007 nul\u0000')).toBe('bell nul');
  });

  test('a lone CR keeps what a terminal would show: the text after it', () => {
    expect(sanitize('10%\r20%\r30%\nnext')).toBe('30%\nnext');
    expect(sanitize('line\r\nnext')).toBe('line\nnext');
  });

  test('tabs become spaces to the next stop of 4', () => {
    expect(sanitize('\tx')).toBe('    x');
    expect(sanitize('ab\tx')).toBe('ab  x');
  });
});

test('splitLines drops the empty line after a final newline only', () => {
  expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
  expect(splitLines('a\n\n')).toEqual(['a', '']);
  expect(splitLines('')).toEqual(['']);
});

describe('truncate', () => {
  test('cuts to the width with an ellipsis, and leaves short text alone', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcd', 4)).toBe('abcd');
    expect(truncate('abc', 0)).toBe('');
  });

  test('truncateLine keeps span styles and fits the width', () => {
    const line = truncateLine([{ text: 'abc', color: 'red' }, { text: 'defgh', color: 'blue' }], 6);
    expect(lineText(line)).toBe('abcde…');
    expect(line[1]?.color).toBe('blue');
    expect(lineWidth(line)).toBe(6);
  });
});

describe('wrapSpans', () => {
  test('wraps at word boundaries within the width', () => {
    const lines = wrapSpans([{ text: 'the quick brown fox jumps over the lazy dog' }], 12);
    expect(lines.map(lineText)).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy dog']);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(12);
  });

  test('never breaks inside a word made of several spans', () => {
    const lines = wrapSpans([{ text: 'aaaa bbb' }, { text: 'ccc', bold: true }, { text: ', dd' }], 8);
    expect(lines.map(lineText)).toEqual(['aaaa', 'bbbccc,', 'dd']);
  });

  test('a word longer than the width is cut into pieces, and br forces a break', () => {
    expect(wrapSpans([{ text: 'abcdefghij' }], 4).map(lineText)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapSpans([{ text: 'a' }, { text: '', br: true }, { text: 'b' }], 20).map(lineText)).toEqual(['a', 'b']);
  });
});
