// The readable report of one check. Words (PASS/FAIL/ERROR) carry the verdict so it reads without colour.
import type { CheckResult, Diagnostic, TestResult } from '../core/result.js';
import type { Colors } from './color.js';

export interface ReportContext {
  title: string;
  /** The command that runs this check again, as the user typed it. */
  rerun: string;
  c: Colors;
}

const OUTPUT_LINES = 40;
const OUTPUT_CHARS = 4_000;
const INDENT = '          ';

export function formatCheckReport(result: CheckResult, ctx: ReportContext): string {
  const { c } = ctx;
  const lines: string[] = [];
  lines.push(c.bold(`${ctx.title} (${result.kata})`));
  lines.push(c.dim(`file ${result.file} · Python ${result.python}`));
  lines.push('');

  for (const test of result.tests) lines.push(...formatTest(test, c));
  for (const diag of result.diagnostics) {
    const what = diag.kind === 'timeout' ? 'the check did not finish' : 'the check ended without a result';
    lines.push(`  ${c.red('✗ ERROR')}  ${what}`);
    lines.push(...formatDiagnostic(diag, c));
  }

  const output = outputForReport(result);
  if (output) {
    lines.push('', c.bold('Output of your code:'), ...block(output, '  | ', c));
  }

  lines.push('', ...summary(result, ctx));
  return `${lines.join('\n')}\n`;
}

function formatTest(test: TestResult, c: Colors): string[] {
  const mark =
    test.status === 'pass' ? c.green('✓ PASS ') : test.status === 'fail' ? c.red('✗ FAIL ') : c.red('✗ ERROR');
  const lines = [`  ${mark}  ${test.name}`];
  if (test.message) lines.push(...indent(test.message, INDENT));
  // A diagnostic often says what the test message already said; then only its place and kind are new.
  for (const diag of test.diagnostics) lines.push(...formatDiagnostic(diag.message === test.message ? { ...diag, message: '' } : diag, c));
  if (test.output) lines.push(`${INDENT}${c.dim('output:')}`, ...block(test.output, `${INDENT}| `, c));
  return lines;
}

/** `  file:line  kind  message`, continuation lines (a traceback) indented under it. */
function formatDiagnostic(diag: Diagnostic, c: Colors): string[] {
  const where = diag.file ? `${diag.file}${diag.line !== undefined ? `:${diag.line}` : ''}  ` : '';
  const [first = '', ...rest] = diag.message.split('\n');
  const head = `${INDENT}${c.cyan(where)}${c.yellow(diag.kind)}${first ? `  ${first}` : ''}`;
  return [head, ...rest.map((l) => `${INDENT}  ${c.dim(l)}`)];
}

function summary(result: CheckResult, ctx: ReportContext): string[] {
  const { c } = ctx;
  const total = result.tests.length;
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  if (result.status === 'pass') {
    return [`${c.green(c.bold('PASS'))}  all ${total} test${total === 1 ? '' : 's'} passed. Run async-katas to pick the next kata.`];
  }
  if (result.status === 'fail') {
    return [
      `${c.red(c.bold('FAIL'))}  ${passed} of ${total} tests passed. Fix the first failing test above, then check again:`,
      `      ${ctx.rerun}`,
    ];
  }
  const errored = result.tests.filter((t) => t.status === 'error').length;
  const reason =
    result.error ??
    `${passed} of ${total} tests passed; ${errored || 'a'} test${errored > 1 ? 's' : ''} ended with an error (see above)`;
  if (result.environmental) return [`${c.red(c.bold('ERROR'))}  ${firstLine(reason)}`];
  return [`${c.red(c.bold('ERROR'))}  ${firstLine(reason)}. Fix it, then check again:`, `      ${ctx.rerun}`];
}

/** What the learner's code printed outside tests. */
function outputForReport(result: CheckResult): string {
  const parts = [result.output, result.stdout, result.stderr].filter(Boolean);
  let text = parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
  if (result.stdoutTruncated || result.stderrTruncated) text += '[output cut at 64 KiB]\n';
  return text.trimEnd();
}

function block(text: string, prefix: string, c: Colors): string[] {
  const shown = text.length > OUTPUT_CHARS ? text.slice(0, OUTPUT_CHARS) : text;
  let hidden = text.length > OUTPUT_CHARS ? text.slice(OUTPUT_CHARS).split('\n').length : 0;
  let lines = shown.trimEnd().split('\n');
  if (lines.length > OUTPUT_LINES) {
    hidden += lines.length - OUTPUT_LINES;
    lines = lines.slice(0, OUTPUT_LINES);
  }
  const out = lines.map((l) => `${prefix}${l}`);
  if (hidden > 0) out.push(c.dim(`${prefix}... ${hidden} more line${hidden === 1 ? '' : 's'} not shown`));
  return out;
}

function indent(text: string, prefix: string): string[] {
  return text.trimEnd().split('\n').map((l) => `${prefix}${l}`);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
