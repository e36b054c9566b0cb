// `async-katas validate`: proves each kata is well-formed and that its hidden tests tell right from wrong —
// the starter fails with the kinds its manifest names, the solution passes, and every corpus variant gets
// the verdict its label promises — plus what spans the catalogue: unique curriculum order, the quiz bank.
import fs from 'node:fs';
import path from 'node:path';
import {
  findKata,
  katasDir,
  loadExplanation,
  loadQuiz,
  loadQuizBank,
  quizBankPath,
  type Kata,
  listKataIds,
  UnknownKataError,
} from './catalog.js';
import { runCheck } from './check.js';
import { PACK_MANIFEST, readPackManifest } from './pack.js';
import { satisfiesMinPython, type PythonInfo } from './python.js';
import { allDiagnostics, isDiagnosticKind, type CheckResult } from './result.js';
import { packageRoot } from './root.js';

export type ValidateOutcome = 'ok' | 'mismatch' | 'skip';

export interface ValidateItem {
  /** A kata id, or CATALOGUE for what spans every kata. */
  kata: string;
  /** What was checked: "kata.json", "starter.py", "corpus/pass-gather.py", ... */
  subject: string;
  outcome: ValidateOutcome;
  detail: string;
}

export interface ValidateReport {
  items: ValidateItem[];
  ok: boolean;
}

export const CATALOGUE = '(catalogue)';

/** Each kata proves its tests with at least this many other correct fixes and wrong ones. */
export const MIN_CORPUS = { pass: 4, fail: 6 };

export interface ValidateOptions {
  /** Kata ids; all katas when empty. */
  ids?: string[];
  python: PythonInfo;
  root?: string;
  harnessEntry?: string;
  backstopMs?: number;
  /** Checks running at once; each is a Python process. */
  concurrency?: number;
  /** Called for each item in a stable order (kata by kata, as listed), while later checks still run. */
  onItem?: (item: ValidateItem) => void;
  /** Called whenever an item is settled, in completion order: for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  minCorpus?: { pass: number; fail: number };
}

export interface CorpusLabel {
  expect: 'pass' | 'fail';
  kinds: string[];
  /** From `# python: >=3.11`: below this the variant must fail with requires-python instead. */
  minPython?: string;
}

export async function validateKatas(options: ValidateOptions): Promise<ValidateReport> {
  const root = options.root ?? packageRoot();
  // A bare folder of katas (a pack being written) is checked by this package's harness.
  const harnessRoot = katasDir(root) === root ? packageRoot() : root;
  const everything = !options.ids?.length;
  const ids = everything ? listKataIds(root) : options.ids!;
  const limit = limiter(options.concurrency ?? 2);
  const minCorpus = options.minCorpus ?? MIN_CORPUS;
  const pending: Promise<ValidateItem>[] = [];
  const katas: Kata[] = [];

  for (const id of ids) {
    let kata: Kata;
    try {
      kata = findKata(id, root);
      katas.push(kata);
      pending.push(Promise.resolve(item(id, 'kata.json', 'ok', 'valid manifest')));
    } catch (error) {
      const subject = error instanceof UnknownKataError ? id : 'kata.json';
      pending.push(Promise.resolve(item(id, subject, 'mismatch', (error as Error).message)));
      continue;
    }
    pending.push(Promise.resolve(validate(kata, 'kata.json hints', () => distinctHints(kata), 'three distinct hints')));
    pending.push(Promise.resolve(validate(kata, 'quiz.json', () => loadQuiz(kata, root), 'valid quiz')));
    pending.push(Promise.resolve(validate(kata, 'explanation.md', () => loadExplanation(kata, root), 'all sections, in order')));

    const check = (file: string) =>
      limit(() =>
        runCheck({
          kata,
          file,
          python: options.python,
          display: path.relative(kata.dir, file),
          root: harnessRoot,
          harnessEntry: options.harnessEntry,
          backstopMs: options.backstopMs,
        }),
      );
    const tooOld = !satisfiesMinPython(options.python.versionTuple, kata.minPython);
    const skip = (subject: string) =>
      Promise.resolve(item(kata.id, subject, 'skip', `needs Python ${kata.minPython}, running ${options.python.version}`));

    const ends: [string, string, CorpusLabel][] = [
      ['starter.py', kata.files.starter, { expect: 'fail', kinds: kata.starterFails }],
      ['solution.py', kata.files.solution, { expect: 'pass', kinds: [] }],
    ];
    for (const [subject, file, expected] of ends) {
      if (tooOld) pending.push(skip(subject));
      else if (!fs.existsSync(file)) pending.push(Promise.resolve(item(kata.id, subject, 'mismatch', 'file is missing')));
      else pending.push(check(file).then((r) => judge(kata.id, subject, expected, r)));
    }

    const corpus = corpusFiles(kata);
    const counted = (prefix: string) => corpus.filter((f) => path.basename(f).startsWith(prefix)).length;
    const [passes, fails] = [counted('pass-'), counted('fail-')];
    pending.push(
      Promise.resolve(
        passes >= minCorpus.pass && fails >= minCorpus.fail
          ? item(kata.id, 'corpus/', 'ok', `${passes} pass and ${fails} fail variants`)
          : item(
              kata.id,
              'corpus/',
              'mismatch',
              `needs at least ${minCorpus.pass} pass-*.py and ${minCorpus.fail} fail-*.py variants (has ${passes} and ${fails})`,
            ),
      ),
    );

    for (const file of corpus) {
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

  if (katas.length > 1) pending.push(Promise.resolve(uniqueOrder(katas)));
  if (everything && harnessRoot !== root) pending.push(Promise.resolve(packManifestItem(root)));
  if (everything && fs.existsSync(quizBankPath(root))) {
    pending.push(Promise.resolve(validateFile(CATALOGUE, 'quiz-bank.json', () => loadQuizBank(root), (bank) => `${bank.questions.length} questions`)));
  }

  let settled = 0;
  for (const p of pending) void p.then(() => options.onProgress?.(++settled, pending.length));
  const items: ValidateItem[] = [];
  for (const p of pending) {
    const done = await p;
    items.push(done);
    options.onItem?.(done);
  }
  return { items, ok: items.every((i) => i.outcome !== 'mismatch') };
}

/** A bare folder of katas is a pack being written: `--pack` will need its pack.json. */
function packManifestItem(root: string): ValidateItem {
  if (!fs.existsSync(path.join(root, PACK_MANIFEST))) {
    return item(
      CATALOGUE,
      PACK_MANIFEST,
      'mismatch',
      'file is missing: --pack loads a folder of katas only with a pack.json {"name": "...", "version": "1.0.0"} (async-katas new <kata-id> --pack DIR writes one)',
    );
  }
  return validateFile(CATALOGUE, PACK_MANIFEST, () => readPackManifest(root, '.'), (m) => `pack ${m.name} ${m.version}`);
}

function distinctHints(kata: Kata): void {
  const seen = new Set(kata.hints.map((h) => h.trim().toLowerCase()));
  if (seen.size !== kata.hints.length) throw new Error(`${path.basename(kata.files.manifest)}: field 'hints': the three hints must differ`);
}

function uniqueOrder(katas: Kata[]): ValidateItem {
  const byOrder = new Map<number, string[]>();
  for (const k of katas) byOrder.set(k.order, [...(byOrder.get(k.order) ?? []), k.id]);
  const clashes = [...byOrder].filter(([, ids]) => ids.length > 1);
  if (!clashes.length) return item(CATALOGUE, 'kata.json order', 'ok', `${katas.length} katas, each in its own place`);
  const text = clashes.map(([order, ids]) => `${ids.join(' and ')} share order ${order}`).join('; ');
  return item(CATALOGUE, 'kata.json order', 'mismatch', `${text}: give each kata its own 'order' in its kata.json`);
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

function judge(kata: string, subject: string, label: CorpusLabel, result: CheckResult): ValidateItem {
  const verdict = meetsLabel(label, result);
  return item(kata, subject, verdict.ok ? 'ok' : 'mismatch', verdict.detail);
}

function reason(result: CheckResult): string {
  const first = allDiagnostics(result)[0]?.message ?? result.error ?? result.tests.find((t) => t.status !== 'pass')?.message;
  return first ? ` (${first.split('\n')[0]})` : '';
}

function validate(kata: Kata, subject: string, load: () => unknown, okDetail: string): ValidateItem {
  return validateFile(kata.id, subject, load, () => okDetail);
}

function validateFile<T>(kata: string, subject: string, load: () => T, okDetail: (loaded: T) => string): ValidateItem {
  try {
    return item(kata, subject, 'ok', okDetail(load()));
  } catch (error) {
    return item(kata, subject, 'mismatch', (error as Error).message);
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

function item(kata: string, subject: string, outcome: ValidateOutcome, detail: string): ValidateItem {
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
