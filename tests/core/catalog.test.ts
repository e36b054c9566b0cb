import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  EXPLANATION_SECTIONS,
  findKata,
  listKataIds,
  loadCatalog,
  loadExplanation,
  loadKata,
  loadQuiz,
  UnknownKataError,
} from '../../src/core/catalog.js';
import { packageRoot } from '../../src/core/root.js';
import { FIXTURE_ROOT, REPO, tempDir } from '../helpers.js';

const MANIFEST = {
  id: 'demo',
  title: 'Demo',
  level: 1,
  order: 1,
  concepts: ['event loop'],
  minPython: '3.10',
  tag: 'Python 3.10+',
  summary: 'one line',
  task: 'do it',
  hints: ['a', 'b', 'c'],
  starterFails: ['too-slow'],
  references: [{ title: 'PEP 492', url: 'https://peps.python.org/pep-0492/' }],
};

/** A root with one kata folder whose kata.json is `manifest` (a string is written as is). */
function rootWith(folder: string, manifest: object | string, extra: Record<string, string> = {}): string {
  const root = tempDir();
  const dir = path.join(root, 'katas', 'python', folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'kata.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), text);
  return root;
}

function catalogError(fn: () => unknown): CatalogError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('packageRoot', () => {
  it('finds this package from src/ (the bundled dist/cli.js is covered by the CLI tests)', () => {
    expect(path.resolve(packageRoot())).toBe(path.resolve(REPO));
  });
});

describe('loadKata', () => {
  it('loads a valid manifest with the paths of its files', () => {
    const root = rootWith('demo', MANIFEST);
    const kata = loadKata('demo', root);
    expect(kata).toMatchObject({ id: 'demo', level: 1, minPython: '3.10', hints: ['a', 'b', 'c'] });
    expect(kata.files.solution).toBe(path.join(root, 'katas', 'python', 'demo', 'solution.py'));
    expect(kata.files.tests).toBe(path.join(root, 'katas', 'python', 'demo', 'tests.py'));
  });

  const cases: [string, object, string][] = [
    ['id differs from the folder', { ...MANIFEST, id: 'other' }, "field 'id': must equal the folder name 'demo'"],
    ['id with capitals', { ...MANIFEST, id: 'Demo' }, "field 'id': must be lowercase letters, digits and single dashes"],
    ['level out of range', { ...MANIFEST, level: 7 }, "field 'level': must be at most 5 (got 7)"],
    ['level not a number', { ...MANIFEST, level: 'one' }, "field 'level': must be a number (got \"one\")"],
    ['two hints', { ...MANIFEST, hints: ['a', 'b'] }, "field 'hints': must have exactly 3 items (got 2 items)"],
    ['an empty hint', { ...MANIFEST, hints: ['a', '', 'c'] }, "field 'hints[1]': must not be empty"],
    ['missing title', { ...MANIFEST, title: undefined }, "field 'title': is missing"],
    ['old minPython', { ...MANIFEST, minPython: '3.9' }, "field 'minPython': must be one of \"3.10\""],
  ];
  for (const [what, manifest, expected] of cases) {
    it(`names the file and the field: ${what}`, () => {
      const root = rootWith('demo', manifest);
      const error = catalogError(() => loadKata('demo', root));
      expect(error.file).toBe('katas/python/demo/kata.json');
      expect(error.message).toContain('katas/python/demo/kata.json: ');
      expect(error.message).toContain(expected);
    });
  }

  it('reports invalid JSON and a missing manifest', () => {
    expect(catalogError(() => loadKata('demo', rootWith('demo', '{"id": "demo",')))).toHaveProperty(
      'message',
      expect.stringMatching(/^katas\/python\/demo\/kata\.json: not valid JSON/),
    );
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'katas', 'python', 'empty'), { recursive: true });
    expect(catalogError(() => loadKata('empty', root)).message).toBe('katas/python/empty/kata.json: file is missing');
  });
});

describe('loadCatalog and findKata', () => {
  it('lists katas by level, then id', () => {
    const ids = loadCatalog(FIXTURE_ROOT).map((k) => k.id);
    expect(ids).toEqual(['demo', 'needs-newer']);
    expect(listKataIds(FIXTURE_ROOT)).toEqual(['demo', 'needs-newer']);
  });

  it('collects every broken manifest into one error', () => {
    const root = rootWith('demo', { ...MANIFEST, level: 9 });
    const bad = path.join(root, 'katas', 'python', 'second');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'kata.json'), JSON.stringify({ ...MANIFEST, id: 'second', hints: [] }));
    const message = catalogError(() => loadCatalog(root)).message;
    expect(message).toContain('2 broken kata(s)');
    expect(message).toContain("katas/python/demo/kata.json: field 'level'");
    expect(message).toContain("katas/python/second/kata.json: field 'hints'");
  });

  it('returns no katas for a root without katas/', () => {
    expect(loadCatalog(tempDir())).toEqual([]);
  });

  it('suggests the closest id for an unknown one', () => {
    const error = (() => {
      try {
        findKata('dmeo', FIXTURE_ROOT);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownKataError);
    expect((error as Error).message).toBe("unknown kata 'dmeo'; did you mean 'demo'?");
    expect(() => findKata('zzzzzzzzzz', FIXTURE_ROOT)).toThrow(/^unknown kata 'zzzzzzzzzz'; run async-katas/);
  });
});

describe('loadQuiz', () => {
  const choice = (correct: boolean) => ({ text: 't', correct, why: 'w' });
  const question = (...choices: object[]) => ({ prompt: 'p', choices });

  it('accepts a valid quiz', () => {
    const kata = loadKata('demo', FIXTURE_ROOT);
    expect(loadQuiz(kata, FIXTURE_ROOT).questions).toHaveLength(2);
  });

  const cases: [string, object, string][] = [
    ['one question', { questions: [question(choice(true), choice(false))] }, "field 'questions': must have at least 2 items"],
    [
      'two correct choices',
      { questions: [question(choice(true), choice(false)), question(choice(true), choice(true))] },
      "field 'questions[1].choices': exactly one choice must be correct (found 2)",
    ],
    [
      'no correct choice',
      { questions: [question(choice(false), choice(false)), question(choice(true), choice(false))] },
      "field 'questions[0].choices': exactly one choice must be correct (found 0)",
    ],
    [
      'a choice without why',
      { questions: [question(choice(true), { text: 't', correct: false }), question(choice(true), choice(false))] },
      "field 'questions[0].choices[1].why': is missing",
    ],
    [
      'six choices',
      { questions: [question(choice(true), ...Array(5).fill(choice(false))), question(choice(true), choice(false))] },
      "field 'questions[0].choices': must have at most 5 items",
    ],
  ];
  for (const [what, quiz, expected] of cases) {
    it(`rejects ${what}`, () => {
      const root = rootWith('demo', MANIFEST, { 'quiz.json': JSON.stringify(quiz) });
      const error = catalogError(() => loadQuiz(loadKata('demo', root), root));
      expect(error.message).toContain('katas/python/demo/quiz.json: ');
      expect(error.message).toContain(expected);
    });
  }
});

describe('loadExplanation', () => {
  const doc = (titles: readonly string[]) => titles.map((t) => `## ${t}\ntext about ${t}\n`).join('\n');

  it('splits the required sections, ignoring "##" inside code blocks', () => {
    const sections = loadExplanation(loadKata('demo', FIXTURE_ROOT), FIXTURE_ROOT);
    expect(sections.map((s) => s.title)).toEqual([...EXPLANATION_SECTIONS]);
    expect(sections[0]!.body).toContain('## not a heading');
  });

  it('rejects a missing section', () => {
    const titles = EXPLANATION_SECTIONS.filter((t) => t !== 'Complexity and tradeoffs');
    const root = rootWith('demo', MANIFEST, { 'explanation.md': doc(titles) });
    expect(catalogError(() => loadExplanation(loadKata('demo', root), root)).message).toBe(
      "katas/python/demo/explanation.md: missing section '## Complexity and tradeoffs'",
    );
  });

  it('rejects sections out of order', () => {
    const titles = [...EXPLANATION_SECTIONS];
    [titles[0], titles[1]] = [titles[1]!, titles[0]!];
    const root = rootWith('demo', MANIFEST, { 'explanation.md': doc(titles) });
    expect(catalogError(() => loadExplanation(loadKata('demo', root), root)).message).toContain(
      "sections out of order: '## Core answer' must come first",
    );
  });

  it('reports a missing explanation file', () => {
    const root = rootWith('demo', MANIFEST);
    expect(catalogError(() => loadExplanation(loadKata('demo', root), root)).message).toBe(
      'katas/python/demo/explanation.md: file is missing',
    );
  });
});
