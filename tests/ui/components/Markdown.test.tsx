import './force-color.js';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Markdown, markdownLineCount, markdownLines } from '../../../src/ui/components/Markdown.js';
import { lineText } from '../../../src/ui/components/text.js';
import { columns, frameOf, hasEscapes, rowsOf } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const DOC = [
  '## Core answer',
  '',
  'Use `asyncio.gather` to run **both** at once; see [the docs](https://docs.python.org/3/library/asyncio.html) &amp; more.',
  '',
  '```python',
  'async def main():',
  '    await asyncio.gather(a(), b())',
  '```',
  '',
  '- first point',
  '- second point, long enough that it has to wrap onto a second row here',
  '  - nested',
  '',
  '1. one',
  '2. two',
  '',
  '> a quoted remark',
].join('\n');

describe('Markdown', () => {
  test('renders headings, paragraphs with inline code and links, a fenced code block and lists', () => {
    const rows = rowsOf(<Markdown source={DOC} width={50} />);
    expect(rows[0]).toBe('Core answer');
    expect(rows[1]).toBe('');
    expect(rows.join('\n')).toContain('Use asyncio.gather to run both at once; see the');
    expect(rows.join(' ')).toContain('(https://docs.python.org/3/library/asyncio.html)');
    expect(rows.join(' ')).toContain('& more.');
    expect(rows).toContain('│ async def main():');
    expect(rows).toContain('│     await asyncio.gather(a(), b())');
    expect(rows).toContain('• first point');
    const wrapped = rows.findIndex((r) => r.startsWith('• second point'));
    expect(rows[wrapped + 1]).toMatch(/^ {2}\S/);
    expect(rows).toContain('  • nested');
    expect(rows).toContain('1. one');
    expect(rows).toContain('2. two');
    expect(rows).toContain('│ a quoted remark');
    for (const r of rows) expect(columns(r), r).toBeLessThanOrEqual(50);
  });

  test('highlights the fenced Python code', () => {
    const frame = frameOf(<Markdown source={DOC} width={50} />);
    expect(frame).toContain('\u001B[35masync\u001B[39m');
  });

  test('a code block without a language is shown plain', () => {
    const frame = frameOf(<Markdown source={'```\nasync def f(): pass\n```'} width={50} />);
    expect(frame).toContain('async def f(): pass');
    expect(frame).not.toContain('\u001B[35masync');
  });

  test('offset and height give a window; the line count is the scroll range', () => {
    const all = rowsOf(<Markdown source={DOC} width={50} />);
    expect(markdownLineCount(DOC, 50)).toBe(all.length);
    const window = rowsOf(<Markdown source={DOC} width={50} offset={3} height={4} />);
    expect(window).toEqual(all.slice(3, 7));
  });

  test('a long explanation at a narrow width: every row fits', () => {
    const source = readFileSync(new URL('../../../katas/python/sequential-awaits/explanation.md', import.meta.url), 'utf8');
    const lines = markdownLines(source, 40);
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(columns(lineText(line)), lineText(line)).toBeLessThanOrEqual(40);
  });

  test('under NO_COLOR: no escape codes, and headings and inline code keep their marks', () => {
    vi.stubEnv('NO_COLOR', '1');
    const frame = frameOf(<Markdown source={DOC} width={50} />);
    expect(hasEscapes(frame)).toBe(false);
    expect(frame).toMatch(/^## Core answer$/m);
    expect(frame).toContain('`asyncio.gather`');
  });
});
