// Types for one check, as described in docs/protocol.md. Domain only: no formatting here.

export type Status = 'pass' | 'fail' | 'error';

export const DIAGNOSTIC_KINDS = [
  'never-awaited',
  'blocking-call',
  'cpu-bound',
  'too-slow',
  'too-fast',
  'wrong-result',
  'exception',
  'syntax-error',
  'deadlock',
  'timeout',
  'requires-python',
  'unretrieved',
  'thread-unsafe',
  'dropped-task',
  'coroutine-callback',
] as const;

export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

export function isDiagnosticKind(value: string): value is DiagnosticKind {
  return (DIAGNOSTIC_KINDS as readonly string[]).includes(value);
}

export interface Diagnostic {
  // A string rather than DiagnosticKind: a newer harness may report kinds this CLI does not know yet.
  kind: string;
  message: string;
  file?: string;
  line?: number;
  task?: string;
  call?: string;
  frozenMs?: number;
}

export interface TestResult {
  name: string;
  status: Status;
  message: string;
  /** Virtual seconds. */
  elapsed: number;
  diagnostics: Diagnostic[];
  output: string;
}

export interface TimelineEvent {
  t: number;
  kind: 'start' | 'suspend' | 'resume' | 'finish' | 'error';
}

export interface TimelineRow {
  label: string;
  kind: 'call' | 'task';
  task?: string;
  events: TimelineEvent[];
}

export interface TimelineRun {
  elapsed: number;
  rows: TimelineRow[];
  /** More rows were recorded than the harness keeps (60). */
  truncated?: boolean;
}

export interface Timeline {
  case: string;
  learner: TimelineRun;
  reference: TimelineRun | null;
}

export interface CheckResult {
  kata: string;
  status: Status;
  /** Version reported by the harness, else the one the finder found. */
  python: string;
  /** The learner file as the user should see it. */
  file: string;
  tests: TestResult[];
  timelines: Timeline[];
  /** What the harness captured from the learner's prints outside tests. */
  output: string;
  /** Raw fd 1/2 of the harness process, bounded. */
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  /** Problems of the check as a whole (no result recorded, Python too old), not of one test. */
  diagnostics: Diagnostic[];
  /** One-line reason when status is error and no test explains it. */
  error: string | null;
  /** True when the error comes from the environment (Python version, harness failure), not the learner's code. */
  environmental: boolean;
  /** Records on the result channel that had a wrong nonce or were not JSON. */
  ignoredRecords: number;
}

/** A result with nothing in it yet: status error until a harness says otherwise. */
export function emptyResult(kata: string, python: string, file: string): CheckResult {
  return {
    kata,
    status: 'error',
    python,
    file,
    tests: [],
    timelines: [],
    output: '',
    stdout: '',
    stderr: '',
    stdoutTruncated: false,
    stderrTruncated: false,
    diagnostics: [],
    error: null,
    environmental: false,
    ignoredRecords: 0,
  };
}

/** Exit codes from docs/protocol.md: 0 pass, 1 the learner's code failed or errored, 2 environment. */
export function exitCodeFor(result: CheckResult): 0 | 1 | 2 {
  if (result.status === 'pass') return 0;
  return result.environmental ? 2 : 1;
}

/** Every diagnostic of a result: those of the check as a whole and those of each test. */
export function allDiagnostics(result: CheckResult): Diagnostic[] {
  return [...result.diagnostics, ...result.tests.flatMap((t) => t.diagnostics)];
}
