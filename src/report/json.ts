// The one object `check --json` prints (docs/protocol.md, "CLI JSON").
import type { CheckResult, Diagnostic, Status, TestResult, Timeline } from '../core/result.js';

export interface CliJson {
  version: 1;
  kata: string | null;
  status: Status;
  python: string | null;
  file: string | null;
  tests: TestResult[];
  timeline: Timeline | null;
  output: string;
  error: string | null;
  /** Problems of the check as a whole (it ended without a result, Python too old): not of one test. */
  diagnostics: Diagnostic[];
}

export function resultJson(result: CheckResult): CliJson {
  return {
    version: 1,
    kata: result.kata,
    status: result.status,
    python: result.python,
    file: result.file,
    tests: result.tests,
    timeline: result.timelines[0] ?? null,
    output: learnerOutput(result),
    error: result.error,
    diagnostics: result.diagnostics,
  };
}

/** For failures before any check ran (bad usage, unknown kata, no Python): still one object on stdout. */
export function errorJson(error: string, fields: { kata?: string; file?: string; python?: string } = {}): CliJson {
  return {
    version: 1,
    kata: fields.kata ?? null,
    status: 'error',
    python: fields.python ?? null,
    file: fields.file ?? null,
    tests: [],
    timeline: null,
    output: '',
    error: oneLine(error),
    diagnostics: [],
  };
}

/** Everything the learner's code printed outside tests: captured by the harness, then raw fd 1 and fd 2. */
export function learnerOutput(result: CheckResult): string {
  let out = '';
  for (const part of [result.output, result.stdout, result.stderr]) {
    if (!part) continue;
    if (out && !out.endsWith('\n')) out += '\n';
    out += part;
  }
  return out;
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}
