// `async-katas dev check`: proves each kata is well-formed and that its hidden tests tell right from wrong —
// the starter fails, the solution passes, and every corpus variant gets the verdict its label promises.
import fs from 'node:fs';
import path from 'node:path';
import { findKata, loadExplanation, loadQuiz, type Kata, listKataIds, UnknownKataError } from './catalog.js';
import { runCheck } from './check.js';
import { satisfiesMinPython, type PythonInfo } from './python.js';
import { allDiagnostics, isDiagnosticKind, type CheckResult } from './result.js';
import { packageRoot } from './root.js';

export type DevCheckOutcome = 'ok' | 'mismatch' | 'skip';

export interface DevCheckItem {
  kata: string;
  /** What was checked: "kata.json", "starter.py", "corpus/pass-gather.py", ... */
  subject: string;
  outcome: DevCheckOutcome;
  detail: string;
}

export interface DevCheckReport {
  items: DevCheckItem[];
  ok: boolean;
}

export interface DevCheckOptions {
  /** Kata ids; all katas when empty. */
  ids?: string[];
  python: PythonInfo;
  root?: string;
  harnessEntry?: string;
  backstopMs?: number;
  /** Checks running at once; each is a Python process. */
  concurrency?: number;
  /** Called for each item in a stable order (kata by kata, as listed), while later checks still run. */
  onItem?: (item: DevCheckItem) => void;
}

export interface CorpusLabel {
  expect: 'pass' | 'fail';
  kinds: string[];
  /** From `# python: >=3.11`: below this the variant must fail with requires-python instead. */
  minPython?: string;
}

export async function devCheck(options: DevCheckOptions): Promise<DevCheckReport> {
  const root = options.root ?? packageRoot();
  const ids = options.ids?.length ? options.ids : listKataIds(root);
  const limit = limiter(options.concurrency ?? 2);
  const pending: Promise<DevCheckItem>[] = [];

  for (const id of ids) {
    let kata: Kata;
    try {
      kata = findKata(id, root);
      pending.push(Promise.resolve(item(id, 'kata.json', 'ok', 'valid manifest')));
    } catch (error) {
      const subject = error instanceof UnknownKataError ? id : 'kata.json';
      pending.push(Promise.resolve(item(id, subject, 'mismatch', (error as Error).message)));
      continue;
    }
    pending.push(Promise.resolve(validate(kata, 'quiz.json', () => loadQuiz(kata, root), 'valid quiz')));
    pending.push(Promise.resolve(validate(kata, 'explanation.md', () => loadExplanation(kata, root), 'all sections, in order')));

    const check = (file: string) =>
      limit(() =>
        runCheck({
          kata,
          file,
          python: options.python,
          display: path.relative(kata.dir, file),
          root,
          harnessEntry: options.harnessEntry,
          backstopMs: options.backstopMs,
        }),
      );
    const tooOld = !satisfiesMinPython(options.python.versionTuple, kata.minPython);
    const skip = (subject: string) =>
      Promise.resolve(item(kata.id, subject, 'skip', `needs Python ${kata.minPython}, running ${options.python.version}`));

    for (const [subject, file, expected] of [
      ['starter.py', kata.files.starter, 'fail'],
      ['solution.py', kata.files.solution, 'pass'],
    ] as const) {
      if (tooOld) pending.push(skip(subject));
      else if (!fs.existsSync(file)) pending.push(Promise.resolve(item(kata.id, subject, 'mismatch', 'file is missing')));
      else pending.push(check(file).then((r) => judge(kata.id, subject, { expect: expected, kinds: [] }, r)));
    }

    for (const file of corpusFiles(kata)) {
      const subject = `corpus/${path.basename(file)}`;
      const label = parseCorpusLabel(fs.readFileSync(file, 'utf8'));
      if ('error' in label) {
        pending.push(Promise.resolve(item(kata.id, subject, 'mismatch', label.error)));
      } else if (tooOld) {
        pending.push(skip(subject));
      } else {
        const needsNewer = label.minPython && !satisfiesMinPython(options.python.versionTuple, label.minPython);
        const expected: CorpusLabel = needsNewer ? { expect: 'fail', kinds: ['requires-python'] } : label;
        // The file runs even on an older Python: the harness itself must say which API needs a newer one.
        pending.push(check(file).then((r) => judge(kata.id, subject, expected, r)));
      }
    }
  }

  const items: DevCheckItem[] = [];
  for (const p of pending) {
    const done = await p;
    items.push(done);
    options.onItem?.(done);
  }
  return { items, ok: items.every((i) => i.outcome !== 'mismatch') };
}

/** Reads the label from the first line, and `# python: >=X.Y` from the comment lines right after it. */
export function parseCorpusLabel(source: string): CorpusLabel | { error: string } {
  const lines = source.split(/\r?\n/);
  const m = /^#\s*expect:\s*(\S+)\s*(.*)$/.exec(lines[0]?.trim() ?? '');
  if (!m) return { error: "first line must be '# expect: pass' or '# expect: fail <kind> [<kind> ...]'" };
  const verdict = m[1];
  const kinds = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
  if (verdict !== 'pass' && verdict !== 'fail') return { error: `label must say pass or fail (got '${verdict}')` };
  if (verdict === 'pass' && kinds.length) return { error: "'# expect: pass' takes no kinds" };
  if (verdict === 'fail' && !kinds.length) return { error: "'# expect: fail' must list at least one diagnostic kind" };
  const unknown = kinds.filter((k) => !isDiagnosticKind(k));
  if (unknown.length) return { error: `unknown diagnostic kind(s): ${unknown.join(', ')}` };

  const label: CorpusLabel = { expect: verdict, kinds };
  for (const line of lines.slice(1)) {
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith('#')) break;
    const py = /^#\s*python:\s*(.*)$/.exec(trimmed);
    if (!py) continue;
    const v = /^>=\s*(3\.\d+)$/.exec(py[1]!.trim());
    if (!v) return { error: `'# python:' must look like '# python: >=3.11' (got '${py[1]!.trim()}')` };
    label.minPython = v[1];
  }
  return label;
}

/** Does a result meet a label? Verdict must match; a fail must show at least the listed kinds; a pass none. */
export function meetsLabel(label: CorpusLabel, result: CheckResult): { ok: boolean; detail: string } {
  const kinds = [...new Set(allDiagnostics(result).map((d) => d.kind))];
  const got = `got ${result.status}${kinds.length ? ` [${kinds.join(', ')}]` : ''}`;
  const want = `expected ${label.expect}${label.kinds.length ? ` [${label.kinds.join(', ')}]` : ''}`;
  if (label.expect === 'pass') {
    if (result.status !== 'pass') return { ok: false, detail: `${want}, ${got}${reason(result)}` };
    if (kinds.length) return { ok: false, detail: `${want} with no diagnostics, ${got}` };
    return { ok: true, detail: 'passes' };
  }
  if (result.status === 'pass') return { ok: false, detail: `${want}, ${got}` };
  const missing = label.kinds.filter((k) => !kinds.includes(k));
  if (missing.length) return { ok: false, detail: `${want}, ${got}: missing ${missing.join(', ')}` };
  return { ok: true, detail: `${result.status}s as expected${kinds.length ? ` [${kinds.join(', ')}]` : ''}` };
}

function judge(kata: string, subject: string, label: CorpusLabel, result: CheckResult): DevCheckItem {
  const verdict = meetsLabel(label, result);
  return item(kata, subject, verdict.ok ? 'ok' : 'mismatch', verdict.detail);
}

function reason(result: CheckResult): string {
  const first = allDiagnostics(result)[0]?.message ?? result.error ?? result.tests.find((t) => t.status !== 'pass')?.message;
  return first ? ` (${first.split('\n')[0]})` : '';
}

function validate(kata: Kata, subject: string, load: () => unknown, okDetail: string): DevCheckItem {
  try {
    load();
    return item(kata.id, subject, 'ok', okDetail);
  } catch (error) {
    return item(kata.id, subject, 'mismatch', (error as Error).message);
  }
}

function corpusFiles(kata: Kata): string[] {
  try {
    return fs
      .readdirSync(kata.files.corpus)
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => path.join(kata.files.corpus, f));
  } catch {
    return [];
  }
}

function item(kata: string, subject: string, outcome: DevCheckOutcome, detail: string): DevCheckItem {
  return { kata, subject, outcome, detail };
}


/** Runs at most `n` of the given tasks at once, in the order they were handed in. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= n) return;
    const start = queue.shift();
    if (start) start();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      queue.push(() => {
        active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
