// Loads katas from katas/python/<id>/ and checks them against docs/kata-format.md.
import fs from 'node:fs';
import path from 'node:path';
import { describeIssue, KataManifestSchema, QuizBankSchema, QuizSchema, type KataManifest, type Quiz, type QuizBank } from './kata-schema.js';
import { packageRoot } from './root.js';
import { closestMatch } from './suggest.js';

export type { KataManifest, Quiz } from './kata-schema.js';

export interface KataFiles {
  manifest: string;
  starter: string;
  solution: string;
  tests: string;
  explanation: string;
  quiz: string;
  corpus: string;
}

/** A team's pack of katas (issue 5), loaded beside the built-in catalogue with `--pack DIR`. */
export interface PackInfo {
  name: string;
  version: string;
  /** Absolute folder of the pack. */
  dir: string;
}

export interface Kata extends KataManifest {
  /** Absolute folder of the kata. */
  dir: string;
  files: KataFiles;
  /** Set for a pack's kata; its `id` is then namespaced as `<pack name>/<folder name>`. */
  pack?: PackInfo;
}

export const EXPLANATION_SECTIONS = [
  'Core answer',
  'Why this design exists',
  'Mechanics and CPython internals',
  'Complexity and tradeoffs',
  'Idiomatic patterns and refactoring',
  'Common mistakes and edge cases',
  'When to use / When NOT to use',
] as const;

export interface ExplanationSection {
  title: string;
  body: string;
}

/** A kata file that does not follow the format; the message names the file and, where it can, the field. */
export class CatalogError extends Error {
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'CatalogError';
    this.file = file;
    this.problem = problem;
  }
}

export class UnknownKataError extends Error {
  readonly id: string;
  readonly suggestion: string | undefined;
  constructor(id: string, suggestion: string | undefined, message?: string) {
    super(
      message ??
      (suggestion
        ? `unknown kata '${id}'; did you mean '${suggestion}'?`
        : `unknown kata '${id}'; run async-katas with no arguments to list the katas`),
    );
    this.name = 'UnknownKataError';
    this.id = id;
    this.suggestion = suggestion;
  }
}

/** The folder holding kata folders: `<root>/katas/python` for the package (or a copy of its layout),
 * else `root` itself, so `validate DIR` takes a bare folder of katas too. */
export function katasDir(root: string = packageRoot()): string {
  const nested = path.join(root, 'katas', 'python');
  return fs.existsSync(nested) ? nested : root;
}

/** Folder names under katas/python, sorted; cheap, as `check` only needs one manifest. */
export function listKataIds(root: string = packageRoot()): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(katasDir(root), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

export function loadKata(id: string, root: string = packageRoot()): Kata {
  const dir = path.join(katasDir(root), id);
  const manifestPath = path.join(dir, 'kata.json');
  const shown = displayPath(root, manifestPath);
  const data = readJson(manifestPath, shown);
  const parsed = KataManifestSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    throw new CatalogError(shown, parsed.error.issues.map((i) => describeIssue(i)).join('; '));
  }
  if (parsed.data.id !== id) {
    throw new CatalogError(shown, `field 'id': must equal the folder name '${id}' (got ${JSON.stringify(parsed.data.id)})`);
  }
  return {
    ...parsed.data,
    dir,
    files: {
      manifest: manifestPath,
      starter: path.join(dir, 'starter.py'),
      solution: path.join(dir, 'solution.py'),
      tests: path.join(dir, 'tests.py'),
      explanation: path.join(dir, 'explanation.md'),
      quiz: path.join(dir, 'quiz.json'),
      corpus: path.join(dir, 'corpus'),
    },
  };
}

/** Every kata, by level then id. Throws one CatalogError listing every broken manifest. */
export function loadCatalog(root: string = packageRoot()): Kata[] {
  const katas: Kata[] = [];
  const problems: string[] = [];
  for (const id of listKataIds(root)) {
    try {
      katas.push(loadKata(id, root));
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) {
    const err = new CatalogError(displayPath(root, katasDir(root)), `${problems.length} broken kata(s):\n  ${problems.join('\n  ')}`);
    throw err;
  }
  return katas.sort(byCurriculum);
}

/** Curriculum order: level first, then the manifest's `order`, then id so the sort is total. */
export function byCurriculum(a: KataManifest, b: KataManifest): number {
  return a.level - b.level || a.order - b.order || a.id.localeCompare(b.id);
}

export function findKata(id: string, root: string = packageRoot()): Kata {
  const ids = listKataIds(root);
  if (!ids.includes(id)) throw new UnknownKataError(id, closestMatch(id, ids));
  return loadKata(id, root);
}

export function loadQuiz(kata: Kata, root: string = packageRoot()): Quiz {
  const shown = displayPath(root, kata.files.quiz);
  const parsed = QuizSchema.safeParse(readJson(kata.files.quiz, shown), { reportInput: true });
  if (!parsed.success) throw new CatalogError(shown, parsed.error.issues.map((i) => describeIssue(i)).join('; '));
  requireOneCorrect(parsed.data.questions, shown);
  return parsed.data;
}

export function quizBankPath(root: string = packageRoot()): string {
  return path.join(katasDir(root), 'quiz-bank.json');
}

/** The standalone question bank; ids must be unique as progress is keyed by them. */
export function loadQuizBank(root: string = packageRoot()): QuizBank {
  const file = quizBankPath(root);
  const shown = displayPath(root, file);
  const parsed = QuizBankSchema.safeParse(readJson(file, shown), { reportInput: true });
  if (!parsed.success) throw new CatalogError(shown, parsed.error.issues.map((i) => describeIssue(i)).join('; '));
  requireOneCorrect(parsed.data.questions, shown);
  const seen = new Set<string>();
  parsed.data.questions.forEach((q, i) => {
    if (seen.has(q.id)) throw new CatalogError(shown, `field 'questions[${i}].id': '${q.id}' is used twice`);
    seen.add(q.id);
  });
  return parsed.data;
}

function requireOneCorrect(questions: readonly { choices: readonly { correct: boolean }[] }[], shown: string): void {
  questions.forEach((q, i) => {
    const correct = q.choices.filter((c) => c.correct).length;
    if (correct !== 1) {
      throw new CatalogError(shown, `field 'questions[${i}].choices': exactly one choice must be correct (found ${correct})`);
    }
  });
}

/** The explanation split into its H2 sections, which must be the required ones in the required order. */
export function loadExplanation(kata: Kata, root: string = packageRoot()): ExplanationSection[] {
  const shown = displayPath(root, kata.files.explanation);
  const sections = splitSections(readText(kata.files.explanation, shown));
  const titles = sections.map((s) => s.title);
  for (const required of EXPLANATION_SECTIONS) {
    if (!titles.includes(required)) throw new CatalogError(shown, `missing section '## ${required}'`);
  }
  const order = titles.filter((t) => (EXPLANATION_SECTIONS as readonly string[]).includes(t));
  EXPLANATION_SECTIONS.forEach((required, i) => {
    if (order[i] !== required) {
      throw new CatalogError(
        shown,
        `sections out of order: '## ${required}' must come ${i ? `after '## ${EXPLANATION_SECTIONS[i - 1]}'` : 'first'}, ` +
          `in this order: ${EXPLANATION_SECTIONS.join(' | ')}`,
      );
    }
  });
  return sections;
}

function splitSections(markdown: string): ExplanationSection[] {
  const sections: ExplanationSection[] = [];
  let fence: string | undefined;
  let current: ExplanationSection | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    // A "## " inside a fenced code block is code (a Python comment), not a heading.
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fenceMark) fence = fence === fenceMark ? undefined : (fence ?? fenceMark);
    const heading = fence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      current = { title: heading[1]!, body: '' };
      sections.push(current);
    } else if (current) {
      current.body += `${line}\n`;
    }
  }
  for (const s of sections) s.body = s.body.trim();
  return sections;
}

function readText(file: string, shown: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CatalogError(shown, code === 'ENOENT' ? 'file is missing' : `cannot be read (${code})`);
  }
}

/** A JSON file's content; a CatalogError naming `shown` when it is missing, unreadable or not JSON. */
export function readJson(file: string, shown: string): unknown {
  const text = readText(file, shown);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogError(shown, `not valid JSON (${(error as Error).message})`);
  }
}

function displayPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
