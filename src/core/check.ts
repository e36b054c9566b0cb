// Runs one check: the harness in its own process group, results only from the private fd-3 channel
// (docs/protocol.md). Nothing the learner's code prints can turn into a result.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Kata } from './catalog.js';
import { explainCrash, type CrashReport } from './crash.js';
import { satisfiesMinPython, type PythonInfo } from './python.js';
import { emptyResult, type CheckResult, type Diagnostic, type Status, type TestResult, type Timeline } from './result.js';
import { packageRoot } from './root.js';
import { killMarked, MARKER_VARIABLE } from './strays.js';

export const OUTPUT_LIMIT = 64 * 1024;
export const DEFAULT_BACKSTOP_MS = 15_000;
/** After the harness exits, how long to wait for pipes held open by a process that left the group. */
const DRAIN_GRACE_MS = 2_000;
/** A result line longer than this is not something the harness wrote. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export interface RunCheckOptions {
  kata: Kata;
  /** The learner's file. */
  file: string;
  python: PythonInfo;
  signal?: AbortSignal;
  /** The file as the user should see it; defaults to its path relative to the working directory. */
  display?: string;
  /** Package root holding harness/ (defaults to this package). */
  root?: string;
  /** Harness script to run instead of <root>/harness/python/run.py (tests use fakes). */
  harnessEntry?: string;
  /** Wall-clock limit before the process group is killed. */
  backstopMs?: number;
  /** A harness started earlier with prepareHarness: used if it still waits and fits, else disposed of. */
  prepared?: PreparedHarness;
}

interface Records {
  hello?: { python?: unknown };
  tests: TestResult[];
  running?: string;
  timelines: Timeline[];
  done?: { status: Status; output: string };
  fatal?: Diagnostic;
  ignored: number;
}

export function runCheck(options: RunCheckOptions): Promise<CheckResult> {
  const { kata, python, signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);

  const file = path.resolve(options.file);
  const display = options.display ?? displayPath(file);
  const { minPython } = kata;
  const base = emptyResult(kata.id, python.version, display);

  if (!satisfiesMinPython(python.versionTuple, minPython)) {
    const diag: Diagnostic = {
      kind: 'requires-python',
      message:
        `this kata needs Python ${minPython} or newer; found Python ${python.version} at ${python.exe} ` +
        '(pick another with --python PATH or ASYNC_KATAS_PYTHON)',
    };
    return Promise.resolve({ ...base, diagnostics: [diag], error: diag.message, environmental: true });
  }

  const entry = harnessEntryOf(options);
  if (!fs.existsSync(entry)) {
    return Promise.resolve(environmentError(base, `the check harness is missing (${entry}); reinstall async-katas`));
  }

  const config = {
    kata: kata.id,
    tests: kata.files.tests,
    learner: file,
    display,
    reference: kata.files.solution,
    minPython,
  };
  const { prepared } = options;
  const fits = prepared?.usable && prepared.exe === python.exe && prepared.entry === entry;
  if (prepared && !fits) prepared.dispose();
  const harness = fits ? prepared! : new PreparedHarness(python.exe, entry);
  return harness.run(config, options.backstopMs ?? DEFAULT_BACKSTOP_MS, signal).then((run) => {
    if (run.spawnError) return environmentError(base, `could not start Python at ${python.exe} (${run.spawnError})`);
    return buildResult(base, run, file, display, options.backstopMs ?? DEFAULT_BACKSTOP_MS);
  });
}

interface HarnessRun {
  records: Records;
  stdout: BoundedText;
  stderr: BoundedText;
  timedOut: boolean;
  spawnError?: string;
}

/**
 * A harness process started ahead of its check: Python, asyncio and the harness are loaded, and it
 * waits for its config on stdin. Handing a save to one skips the interpreter's start-up. Each check
 * still gets a fresh process (nothing of an earlier learner file can leak into the next check); a
 * process is used once, then disposed of.
 */
export class PreparedHarness {
  readonly nonce = randomBytes(16).toString('hex');
  private readonly child: ChildProcess;
  private readonly ownGroup = process.platform !== 'win32';
  private readonly result: HarnessRun = {
    records: { tests: [], timelines: [], ignored: 0 },
    stdout: new BoundedText(OUTPUT_LIMIT),
    stderr: new BoundedText(OUTPUT_LIMIT),
    timedOut: false,
  };
  private ended = false;
  private claimed = false;
  private onExit?: () => void;
  private onClose?: () => void;

  constructor(
    readonly exe: string,
    readonly entry: string,
  ) {
    // -I: no environment variables or user site; -S: no site module, so no .pth files run before the
    // harness (the harness and the katas need only the standard library); -B: no bytecode beside the
    // learner's files.
    this.child = spawn(exe, ['-I', '-S', '-B', entry], {
      detached: this.ownGroup,
      // Inherited by everything the learner's code starts, so what leaves the group is still found (strays.ts).
      env: { ...process.env, [MARKER_VARIABLE]: this.nonce },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const { child, result } = this;
    child.on('error', (error) => {
      result.spawnError = (error as NodeJS.ErrnoException).code ?? error.message;
      this.ended = true;
      this.killGroup();
      this.onClose?.();
    });
    child.on('exit', () => {
      this.ended = true;
      // Children the learner's code left behind share the group; they die with it. Those that left the
      // group carry the marker.
      this.killGroup();
      killMarked(this.nonce);
      this.onExit?.();
    });
    child.on('close', () => this.onClose?.());
    child.stdout?.on('data', (chunk: Buffer) => result.stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => result.stderr.push(chunk));
    readRecords(child.stdio[3] as Readable, this.nonce, result.records);
    // The harness may exit before reading its config (a crash at start-up); that must not crash us.
    child.stdin?.on('error', () => {});
  }

  /** Still waiting for a config: not yet used, not ended. */
  get usable(): boolean {
    return !this.claimed && !this.ended;
  }

  /** Kills the process group (the warm process, or a run and whatever it started). */
  dispose(): void {
    this.claimed = true;
    this.killGroup();
    for (const s of this.streams()) s?.destroy();
  }

  run(config: Record<string, unknown>, backstopMs: number, signal: AbortSignal | undefined): Promise<HarnessRun> {
    this.claimed = true;
    const { result } = this;
    return new Promise((resolve, reject) => {
      let settled = false;
      let drainTimer: NodeJS.Timeout | undefined;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(backstop);
        clearTimeout(drainTimer);
        signal?.removeEventListener('abort', onAbort);
        for (const s of this.streams()) s?.destroy();
        fn();
      };
      const onAbort = () => {
        this.killGroup();
        settle(() => reject(signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const backstop = setTimeout(() => {
        result.timedOut = true;
        this.killGroup();
      }, backstopMs);
      this.onExit = () => {
        if (!settled) drainTimer = setTimeout(() => settle(() => resolve(result)), DRAIN_GRACE_MS);
      };
      this.onClose = () => settle(() => resolve(result));
      if (this.ended) this.onExit();
      this.child.stdin?.end(`${JSON.stringify({ ...config, nonce: this.nonce })}\n`);
    });
  }

  private streams(): (Readable | Writable | null)[] {
    const { child } = this;
    return [child.stdin, child.stdout, child.stderr, child.stdio[3] as Readable | null];
  }

  private killGroup(): void {
    const { pid } = this.child;
    if (pid === undefined) return;
    try {
      if (this.ownGroup) process.kill(-pid, 'SIGKILL');
      else this.child.kill('SIGKILL');
    } catch {
      // ESRCH: the whole group is already gone, which is what we wanted; nothing else can be done from here.
    }
  }
}

/** Starts a harness for a later runCheck({prepared}) with the same Python. */
export function prepareHarness(python: PythonInfo, options: { root?: string; harnessEntry?: string } = {}): PreparedHarness {
  return new PreparedHarness(python.exe, harnessEntryOf(options));
}

function harnessEntryOf(options: { root?: string; harnessEntry?: string }): string {
  return options.harnessEntry ?? path.join(options.root ?? packageRoot(), 'harness', 'python', 'run.py');
}

function readRecords(channel: Readable, nonce: string, records: Records): void {
  let pending = '';
  channel.setEncoding('utf8');
  channel.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      handleRecord(pending.slice(0, newline), nonce, records);
      pending = pending.slice(newline + 1);
    }
    if (pending.length > MAX_RECORD_CHARS) {
      records.ignored++;
      pending = '';
    }
  });
  channel.on('end', () => {
    if (pending.trim()) handleRecord(pending, nonce, records);
    pending = '';
  });
  channel.on('error', () => {});
}

function handleRecord(line: string, nonce: string, records: Records): void {
  if (!line.trim()) return;
  let rec: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    rec = parsed as Record<string, unknown>;
  } catch {
    records.ignored++;
    return;
  }
  if (rec.nonce !== nonce) {
    records.ignored++;
    return;
  }
  switch (rec.type) {
    case 'hello':
      records.hello = { python: rec.python };
      break;
    case 'test-start':
      records.running = str(rec.name);
      break;
    case 'test':
      records.tests.push({
        name: str(rec.name),
        status: toStatus(rec.status),
        message: str(rec.message),
        elapsed: typeof rec.elapsed === 'number' ? rec.elapsed : 0,
        diagnostics: Array.isArray(rec.diagnostics) ? rec.diagnostics.flatMap(toDiagnostic) : [],
        output: str(rec.output),
      });
      records.running = undefined;
      break;
    case 'timeline':
      if (rec.learner && typeof rec.learner === 'object') {
        records.timelines.push({
          case: str(rec.case),
          learner: rec.learner as Timeline['learner'],
          reference: (rec.reference ?? null) as Timeline['reference'],
        });
      }
      break;
    case 'done':
      records.done = { status: toStatus(rec.status), output: str(rec.output) };
      break;
    case 'fatal':
      records.fatal = toDiagnostic(rec)[0] ?? { kind: 'internal', message: 'the harness stopped' };
      break;
    default:
    // Unknown record types come from a newer harness; they carry nothing this version can show.
  }
}

function buildResult(base: CheckResult, run: HarnessRun, file: string, display: string, backstopMs: number): CheckResult {
  const { records } = run;
  const hello = typeof records.hello?.python === 'string' ? records.hello.python : undefined;
  const result: CheckResult = {
    ...base,
    python: hello ?? base.python,
    tests: records.tests,
    timelines: records.timelines,
    stdout: run.stdout.text(),
    stderr: run.stderr.text(),
    stdoutTruncated: run.stdout.truncated,
    stderrTruncated: run.stderr.truncated,
    ignoredRecords: records.ignored,
  };
  if (records.done) {
    result.status = records.done.status;
    result.output = records.done.output;
    const explained = result.tests.some((t) => t.status === 'error' || t.diagnostics.length > 0);
    if (result.status === 'error' && !explained) result.error = 'the check ended with an error the harness did not explain';
    return result;
  }
  const crash = records.fatal || run.timedOut ? undefined : explainCrash(result.stderr, file);
  const diag = noResultDiagnostic(run, crash, display, backstopMs);
  // The dump is in the diagnostic now; what stays in stderr is what the learner's code wrote.
  if (crash) result.stderr = result.stderr.slice(0, crash.dumpStart);
  result.status = 'error';
  result.diagnostics = [diag];
  result.error = diag.message.split('\n')[0]!;
  result.environmental = diag.kind === 'internal';
  return result;
}

function noResultDiagnostic(
  run: HarnessRun,
  crash: CrashReport | undefined,
  display: string,
  backstopMs: number,
): Diagnostic {
  if (run.records.fatal) return run.records.fatal;
  if (run.timedOut) {
    return { kind: 'timeout', message: `your code was still running after ${Math.round(backstopMs / 1000)} s` };
  }
  const during = run.records.running ? ` (during the test '${run.records.running}')` : '';
  const diag: Diagnostic =
    crash?.kind === 'timeout'
      ? { kind: 'timeout', message: `your code was still running after ${crash.seconds} s${during}` }
      : {
          kind: 'exception',
          message:
            `your code ended the check early (for example os._exit or a crash) before any result was recorded${during}` +
            (crash?.headline ? `: ${crash.headline}` : ''),
        };
  if (crash?.detail) diag.message += `\n${crash.detail}`;
  if (crash?.line !== undefined) Object.assign(diag, { file: display, line: crash.line });
  return diag;
}


function environmentError(base: CheckResult, message: string): CheckResult {
  return { ...base, diagnostics: [{ kind: 'internal', message }], error: message, environmental: true };
}

/** Relative to the working directory when the file is under it, as the learner typed it most likely. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function toStatus(value: unknown): Status {
  return value === 'pass' || value === 'fail' ? value : 'error';
}

function toDiagnostic(value: unknown): Diagnostic[] {
  if (!value || typeof value !== 'object') return [];
  const d = value as Record<string, unknown>;
  const diag: Diagnostic = { kind: str(d.kind) || 'exception', message: str(d.message) };
  if (typeof d.file === 'string') diag.file = d.file;
  if (typeof d.line === 'number') diag.line = d.line;
  if (typeof d.task === 'string') diag.task = d.task;
  if (typeof d.call === 'string') diag.call = d.call;
  if (typeof d.frozenMs === 'number') diag.frozenMs = d.frozenMs;
  return [diag];
}

/** Keeps the first `limit` bytes and counts the rest, so a chatty program is drained without filling memory. */
class BoundedText {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    const room = this.limit - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (part !== chunk) this.truncated = true;
    this.chunks.push(part);
    this.size += part.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
