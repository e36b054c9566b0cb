import './force-color.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CodeView } from '../../../src/ui/components/CodeView.js';
import { columns, frameOf, hasEscapes, rowsOf } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const SHORT = ['import asyncio', '', 'async def main():', '    asyncio.sleep(1)', '', 'asyncio.run(main())', ''].join('\n');
const LONG = Array.from({ length: 100 }, (_, i) => `x${i + 1} = ${i + 1}`).join('\n');

describe('CodeView', () => {
  test('shows every line with its number when it fits', () => {
    const rows = rowsOf(<CodeView code={SHORT} height={20} width={60} />);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^\s+1 │ import asyncio$/);
    expect(rows[5]).toMatch(/^\s+6 │ asyncio\.run\(main\(\)\)$/);
  });

  test('marks a failing line with `!` and its reason', () => {
    const rows = rowsOf(<CodeView code={SHORT} markedLines={new Map([[4, 'never-awaited']])} height={20} width={60} />);
    expect(rows[3]).toMatch(/^! 4 │ {5}asyncio\.sleep\(1\)\s+← never-awaited$/);
    expect(rows.filter((r) => r.startsWith('!'))).toHaveLength(1);
  });

  test('puts a reason that does not fit beside its line on the row below', () => {
    const reason = 'a coroutine that nobody awaits never runs its body at all';
    const rows = rowsOf(<CodeView code={SHORT} markedLines={new Map([[4, reason]])} height={20} width={50} />);
    expect(rows[3]).toMatch(/^! 4 │ {5}asyncio\.sleep\(1\)$/);
    expect(rows[4]).toMatch(/^\s+│ ↑ a coroutine/);
    expect(rows).toHaveLength(7);
  });

  test('never draws more rows than its height, at any height and width', () => {
    const marks = new Map([
      [40, 'blocking-call: time.sleep froze the event loop for 10 ms'],
      [41, 'too-slow'],
    ]);
    for (const width of [40, 80]) {
      for (let height = 1; height <= 30; height++) {
        const rows = rowsOf(<CodeView code={LONG} markedLines={marks} height={height} width={width} />);
        expect(rows.length, `height ${height} width ${width}`).toBeLessThanOrEqual(height);
        expect(rows.some((r) => /^!\s+40 │/.test(r)), `height ${height} width ${width}`).toBe(true);
        for (const r of rows) expect(columns(r)).toBeLessThanOrEqual(width);
      }
    }
  });

  test('windows around the first marked line, saying how many lines are above and below', () => {
    const rows = rowsOf(<CodeView code={LONG} markedLines={new Map([[50, 'too-slow'], [70, 'x']])} height={11} width={60} />);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatch(/… 45 lines above/);
    expect(rows[10]).toMatch(/… 46 lines below/);
    expect(rows[5]).toMatch(/^!\s+50 │ x50 = 50/);
  });

  test('focusLine overrides the marked line', () => {
    const rows = rowsOf(<CodeView code={LONG} markedLines={new Map([[50, 'x']])} focusLine={90} height={5} width={60} />);
    expect(rows.some((r) => /^>\s+90 │/.test(r))).toBe(true);
    expect(rows.some((r) => r.includes(' 50 │'))).toBe(false);
  });

  test('starts at the top when nothing is marked', () => {
    const rows = rowsOf(<CodeView code={LONG} height={5} width={60} />);
    expect(rows[0]).toMatch(/^\s+1 │ x1 = 1$/);
    expect(rows[4]).toMatch(/… 96 lines below/);
  });

  test('cuts long lines to the width', () => {
    const code = `print("${'x'.repeat(200)}")`;
    const rows = rowsOf(<CodeView code={code} height={3} width={40} />);
    expect(rows).toHaveLength(1);
    expect(columns(rows[0]!)).toBe(40);
    expect(rows[0]!.endsWith('…')).toBe(true);
  });

  test('highlights Python keywords, strings and comments in colour', () => {
    const frame = frameOf(<CodeView code={'async def f():\n    return "s"  # c'} height={5} width={60} />);
    // magenta (35) for keywords, green (32) for strings, gray (90) for comments.
    expect(frame).toContain('\u001B[35masync\u001B[39m');
    expect(frame).toContain('\u001B[32m"s"\u001B[39m');
    expect(frame).toContain('\u001B[90m# c\u001B[39m');
  });

  test('a docstring across lines keeps its colour on every line', () => {
    const frame = frameOf(<CodeView code={'def f():\n    """one\n    two"""'} height={5} width={60} />);
    expect(frame).toContain('\u001B[32m    two"""');
  });

  test('under NO_COLOR there are no escape codes, and the failing line still reads: `!` and the reason', () => {
    vi.stubEnv('NO_COLOR', '1');
    const frame = frameOf(<CodeView code={SHORT} markedLines={new Map([[4, 'never-awaited']])} height={20} width={60} />);
    expect(hasEscapes(frame)).toBe(false);
    expect(frame).toMatch(/^! 4 │ .*← never-awaited$/m);
  });

  test('an escape sequence in the code is not passed to the terminal', () => {
    vi.stubEnv('NO_COLOR', '1');
    const frame = frameOf(<CodeView code={'print("\u001B[2Jx")'} height={2} width={60} />);
    expect(hasEscapes(frame)).toBe(false);
  });
});
