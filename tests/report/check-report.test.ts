import { describe, expect, it } from 'vitest';
import { emptyResult, type CheckResult } from '../../src/core/result.js';
import { formatCheckReport } from '../../src/report/check-report.js';
import { colorEnabled, makeColors } from '../../src/report/color.js';
import { errorJson, learnerOutput, resultJson } from '../../src/report/json.js';

function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    ...emptyResult('demo', '3.11.7', 'fix.py'),
    status: 'fail',
    tests: [
      { name: 'keeps order', status: 'pass', message: 'ok', elapsed: 0.01, diagnostics: [], output: '' },
      {
        name: 'runs at once',
        status: 'fail',
        message: 'took 40 ms, expected 10 ms',
        elapsed: 0.04,
        diagnostics: [{ kind: 'blocking-call', message: 'time.sleep froze the loop', file: 'fix.py', line: 12 }],
        output: 'debug print\n',
      },
    ],
    ...overrides,
  };
}

const plain = makeColors(false);
const report = (r: CheckResult) => formatCheckReport(r, { title: 'Demo', rerun: 'async-katas check demo --file fix.py', c: plain });

describe('formatCheckReport', () => {
  it('reads without colour: header, PASS/FAIL words, located diagnostics, next step', () => {
    const text = report(result());
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain('Demo (demo)\nfile fix.py · Python 3.11.7');
    expect(text).toContain('✓ PASS   keeps order');
    expect(text).toContain('✗ FAIL   runs at once\n          took 40 ms, expected 10 ms');
    expect(text).toContain('fix.py:12  blocking-call  time.sleep froze the loop');
    expect(text).toContain('| debug print');
    expect(text).toContain('FAIL  1 of 2 tests passed.');
    expect(text.trimEnd().endsWith('async-katas check demo --file fix.py')).toBe(true);
  });

  it('says what to do after a pass', () => {
    const text = report(result({ status: 'pass', tests: [result().tests[0]!] }));
    expect(text).toContain('PASS  all 1 test passed.');
  });

  it('shows a check-level error with its traceback, and bounds long output', () => {
    const text = report(
      result({
        status: 'error',
        tests: [],
        diagnostics: [{ kind: 'exception', message: 'ended early\nTraceback (most recent call last):\nValueError: x' }],
        error: 'ended early',
        stdout: Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n'),
      }),
    );
    expect(text).toContain('✗ ERROR  the check ended without a result\n          exception  ended early\n');
    expect(text).toContain('            ValueError: x');
    expect(text).toContain('| line 39');
    expect(text).not.toContain('| line 40');
    expect(text).toContain('60 more lines not shown');
    expect(text).toContain('ERROR  ended early. Fix it, then check again:');
  });

  it('colours only when asked', () => {
    const coloured = formatCheckReport(result(), { title: 'Demo', rerun: 'x', c: makeColors(true) });
    expect(coloured).toMatch(/\u001b\[/);
  });
});

describe('colorEnabled', () => {
  it('follows NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(colorEnabled({ NO_COLOR: '' }, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({}, false)).toBe(false);
  });
});

describe('CLI JSON', () => {
  it('has exactly the fields of the protocol', () => {
    const json = resultJson(result({ output: 'a\n', stdout: 'b' }));
    expect(Object.keys(json).sort()).toEqual(
      ['diagnostics', 'error', 'file', 'kata', 'output', 'python', 'status', 'tests', 'timeline', 'version'].sort(),
    );
    expect(json).toMatchObject({ version: 1, kata: 'demo', status: 'fail', timeline: null, output: 'a\nb' });
  });

  it('joins the output pieces with newlines and makes errors one line', () => {
    expect(learnerOutput(result({ output: 'a', stdout: 'b\n', stderr: 'c' }))).toBe('a\nb\nc');
    expect(errorJson('first\n  second', { kata: 'x' })).toMatchObject({ status: 'error', kata: 'x', error: 'first second' });
  });
});

describe('formatCheckReport, test errors and repeated messages', () => {
  it('does not repeat a diagnostic message equal to the test message', () => {
    const text = report(
      result({
        tests: [
          {
            name: 'runs at once',
            status: 'fail',
            message: 'took 50 ms',
            elapsed: 0.05,
            diagnostics: [{ kind: 'too-slow', message: 'took 50 ms', file: 'fix.py', line: 17 }],
            output: '',
          },
        ],
      }),
    );
    expect(text.match(/took 50 ms/g)).toHaveLength(1);
    expect(text).toMatch(/fix\.py:17 {2}too-slow\n/);
  });

  it('sums up tests that ended with an error when the harness gives no one-line reason', () => {
    const erroring = { name: 'loads', status: 'error' as const, message: 'SyntaxError', elapsed: 0, diagnostics: [], output: '' };
    const text = report(result({ status: 'error', tests: [erroring] }));
    expect(text).toContain('ERROR  0 of 1 tests passed; 1 test ended with an error (see above). Fix it, then check again:');
  });
});
