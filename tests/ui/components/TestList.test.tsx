import './force-color.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TestResult } from '../../../src/core/result.js';
import { TestList } from '../../../src/ui/components/TestList.js';
import { columns, frameOf, hasEscapes, rowsOf } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const MESSAGE = "checkout('ORD-7') returned a coroutine object that was never awaited";
const TESTS: TestResult[] = [
  { name: 'quotes come back in order', status: 'pass', message: 'ok', elapsed: 0, diagnostics: [], output: '' },
  {
    name: 'checkout returns the Receipt',
    status: 'fail',
    message: MESSAGE,
    elapsed: 0,
    output: '',
    diagnostics: [
      { kind: 'never-awaited', message: 'coroutine create_receipt() was never awaited', file: 'forgotten-await.py', line: 16 },
      { kind: 'wrong-result', message: MESSAGE, file: 'forgotten-await.py', line: 15 },
    ],
  },
  { name: 'three at once', status: 'error', message: 'RuntimeError: boom', elapsed: 0, diagnostics: [{ kind: 'exception', message: 'RuntimeError: boom' }], output: '' },
];

describe('TestList', () => {
  test('✓/✗ with the verdict word, the message, and diagnostics as file:line kind message', () => {
    const rows = rowsOf(<TestList tests={TESTS} width={100} />);
    expect(rows).toEqual([
      '✓ PASS  quotes come back in order',
      '✗ FAIL  checkout returns the Receipt',
      `    ${MESSAGE}`,
      '    forgotten-await.py:16  never-awaited  coroutine create_receipt() was never awaited',
      // Its message is the test's own: only the place and the kind are new.
      '    forgotten-await.py:15  wrong-result',
      '✗ ERROR three at once',
      '    RuntimeError: boom',
      '    exception',
    ]);
  });

  test('wraps long messages under the indent, within the width', () => {
    const rows = rowsOf(<TestList tests={TESTS} width={40} />);
    for (const r of rows) expect(columns(r), r).toBeLessThanOrEqual(40);
    const start = rows.indexOf('✗ FAIL  checkout returns the Receipt');
    expect(rows[start + 1]).toMatch(/^ {4}checkout/);
    expect(rows[start + 2]).toMatch(/^ {4}\S/);
  });

  test('a height cuts the list with a count of what is left', () => {
    const rows = rowsOf(<TestList tests={TESTS} width={100} height={4} />);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toBe('… 5 more lines');
  });

  test('pass is green, fail red; plain under NO_COLOR', () => {
    const frame = frameOf(<TestList tests={TESTS} width={100} />);
    expect(frame).toMatch(/\u001B\[32m✓ PASS/);
    expect(frame).toMatch(/\u001B\[31m✗ FAIL/);
    vi.stubEnv('NO_COLOR', '1');
    expect(hasEscapes(frameOf(<TestList tests={TESTS} width={100} />))).toBe(false);
  });
});
