// Each test of a check: ✓ or ✗ with its name, its message, and its diagnostics as `file:line kind message`.
import type { Diagnostic, TestResult } from '../../core/result.js';
import { palette } from '../theme.js';
import { Lines } from './Lines.js';
import { prefixLines, sanitize, wrapSpans, type Line, type Span, type Style } from './text.js';

export interface TestListProps {
  tests: readonly TestResult[];
  width: number;
  /** Rows available; when the list is longer the last row says how many more there are. */
  height?: number;
}

const INDENT = '    ';
const MARK_WIDTH = 8;

/** The words carry the verdict (PASS/FAIL/ERROR), as in the CLI report, so it reads without colour. */
function mark(test: TestResult): Span {
  if (test.status === 'pass') return { text: '✓ PASS  ', color: palette.pass, bold: true };
  return { text: test.status === 'fail' ? '✗ FAIL  ' : '✗ ERROR ', color: palette.fail, bold: true };
}

/** A block of text (a message, a traceback) wrapped under `indent`, each of its own lines kept apart. */
function block(first: Span[], text: string, style: Style, width: number, indent: string): Line[] {
  const [head = '', ...rest] = sanitize(text).split('\n');
  const room = Math.max(10, width - indent.length);
  const pad: Line = [{ text: indent }];
  const lines = prefixLines(wrapSpans([...first, ...(head ? [{ ...style, text: head }] : [])], room, { keepSpaces: true }), pad, pad);
  // Continuation lines (a traceback) two further in, as in the CLI report.
  const deeper: Line = [{ text: `${indent}  ` }];
  for (const line of rest) {
    lines.push(...prefixLines(wrapSpans([{ ...style, text: line, color: palette.muted }], room - 2, { keepSpaces: true }), deeper, deeper));
  }
  return lines;
}

function diagnosticLines(d: Diagnostic, testMessage: string, width: number): Line[] {
  const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}` : ''}  ` : '';
  // A diagnostic often repeats the test's message; then only its place and kind are new.
  const message = d.message === testMessage ? '' : d.message;
  const first: Span[] = [
    ...(where ? [{ text: where, color: palette.info }] : []),
    { text: d.kind, color: palette.warn },
    ...(message ? [{ text: '  ' }] : []),
  ];
  return block(first, message, {}, width, INDENT);
}

/** Every row TestList draws (wrapped to `width`), before any height limit. */
export function testListLines(tests: readonly TestResult[], width: number): Line[] {
  const lines: Line[] = [];
  for (const test of tests) {
    const name = wrapSpans([{ text: sanitize(test.name).replace(/\n/g, ' '), bold: test.status !== 'pass' }], Math.max(10, width - MARK_WIDTH));
    lines.push(...prefixLines(name, [mark(test)], [{ text: ' '.repeat(MARK_WIDTH) }]));
    // "ok" on a pass says nothing the ✓ did not.
    if (test.message && !(test.status === 'pass' && test.message === 'ok')) {
      lines.push(...block([], test.message, test.status === 'pass' ? { color: palette.muted } : {}, width, INDENT));
    }
    for (const d of test.diagnostics) lines.push(...diagnosticLines(d, test.message, width));
  }
  return lines;
}

export function TestList({ tests, width, height }: TestListProps) {
  let lines = testListLines(tests, width);
  if (height !== undefined && lines.length > height) {
    const shown = Math.max(0, height - 1);
    const left = lines.length - shown;
    lines = [...lines.slice(0, shown), [{ text: `… ${left} more line${left === 1 ? '' : 's'}`, color: palette.muted }]].slice(0, height);
  }
  return <Lines lines={lines} width={width} />;
}
