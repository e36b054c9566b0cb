import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, validateKatas, meetsLabel, parseCorpusLabel, type ValidateItem } from '../../src/core/validate.js';
import type { PythonInfo } from '../../src/core/python.js';
import { emptyResult, type CheckResult } from '../../src/core/result.js';
import { FIXTURE_ROOT, tempDir, testPython } from '../helpers.js';

let python: PythonInfo;
beforeAll(async () => {
  // The fake harness does not care which Python runs it; claiming 3.11 makes `# python: >=3.12` deterministic.
  python = { ...(await testPython()), version: '3.11.7', versionTuple: [3, 11, 7] };
});

/** A copy of the fixture root to break on purpose. */
function copyRoot(): string {
  const root = tempDir();
  fs.cpSync(FIXTURE_ROOT, root, { recursive: true });
  return root;
}

const demo = (root: string, ...rest: string[]) => path.join(root, 'katas', 'python', 'demo', ...rest);
const find = (items: ValidateItem[], subject: string) => items.find((i) => i.kata === 'demo' && i.subject === subject);
// The fixture katas meet the real minimum (4 pass, 6 fail); tests that add or break files keep to it.
const SMALL = { pass: 4, fail: 6 };

describe('devCheck', () => {
  it('accepts a good kata: starter fails, solution passes, corpus labels hold', async () => {
    const seen: ValidateItem[] = [];
    const progress: number[] = [];
    const report = await validateKatas({
      ids: ['demo'],
      python,
      root: FIXTURE_ROOT,
      minCorpus: SMALL,
      onItem: (i) => seen.push(i),
      onProgress: (done, total) => progress.push(total - done),
    });
    expect(report.ok).toBe(true);
    expect(report.items.map((i) => [i.subject, i.outcome])).toEqual([
      ['kata.json', 'ok'],
      ['kata.json hints', 'ok'],
      ['quiz.json', 'ok'],
      ['explanation.md', 'ok'],
      ['starter.py', 'ok'],
      ['solution.py', 'ok'],
      ['corpus/', 'ok'],
      ['corpus/fail-blocking.py', 'ok'],
      ['corpus/fail-five.py', 'ok'],
      ['corpus/fail-four.py', 'ok'],
      ['corpus/fail-six.py', 'ok'],
      ['corpus/fail-three.py', 'ok'],
      ['corpus/fail-two.py', 'ok'],
      ['corpus/pass-needs-312.py', 'ok'],
      ['corpus/pass-plain.py', 'ok'],
      ['corpus/pass-three.py', 'ok'],
      ['corpus/pass-two.py', 'ok'],
    ]);
    expect(find(report.items, 'corpus/pass-needs-312.py')!.detail).toContain('requires-python');
    expect(seen).toEqual(report.items);
    expect(progress.at(-1)).toBe(0);
    expect(progress).toHaveLength(report.items.length);
  });

  it('checks every kata by default and skips those the interpreter is too old for', async () => {
    const report = await validateKatas({ python, root: FIXTURE_ROOT, minCorpus: SMALL });
    expect(report.ok).toBe(true);
    expect(report.items.find((i) => i.kata === CATALOGUE)).toMatchObject({ subject: 'kata.json order', outcome: 'ok' });
    const newer = report.items.filter((i) => i.kata === 'needs-newer');
    expect(newer.find((i) => i.subject === 'solution.py')!.outcome).toBe('skip');
    expect(newer.find((i) => i.subject === 'quiz.json')!.outcome).toBe('ok');
  });

  it('flags a starter that passes and a solution that fails', async () => {
    const root = copyRoot();
    fs.writeFileSync(demo(root, 'starter.py'), '# fake: pass\n');
    fs.writeFileSync(demo(root, 'solution.py'), '# fake: fail too-slow\n');
    const report = await validateKatas({ ids: ['demo'], python, root, minCorpus: SMALL });
    expect(report.ok).toBe(false);
    expect(find(report.items, 'starter.py')).toMatchObject({ outcome: 'mismatch', detail: 'expected fail [too-slow], got pass' });
    expect(find(report.items, 'solution.py')).toMatchObject({ outcome: 'mismatch' });
    expect(find(report.items, 'solution.py')!.detail).toContain('expected pass, got fail [too-slow]');
  });

  it('flags a starter that fails without the kinds its manifest declares', async () => {
    const root = copyRoot();
    fs.writeFileSync(demo(root, 'starter.py'), '# fake: fail blocking-call\n');
    const report = await validateKatas({ ids: ['demo'], python, root, minCorpus: SMALL });
    expect(find(report.items, 'starter.py')).toMatchObject({
      outcome: 'mismatch',
      detail: 'expected fail [too-slow], got fail [blocking-call]: missing too-slow',
    });
  });

  it('flags a corpus smaller than the minimum, repeated hints and two katas in one place', async () => {
    const root = copyRoot();
    const manifest = JSON.parse(fs.readFileSync(demo(root, 'kata.json'), 'utf8'));
    fs.writeFileSync(demo(root, 'kata.json'), JSON.stringify({ ...manifest, hints: ['same', 'Same', 'other'] }));
    const newer = path.join(root, 'katas', 'python', 'needs-newer', 'kata.json');
    fs.writeFileSync(newer, JSON.stringify({ ...JSON.parse(fs.readFileSync(newer, 'utf8')), order: manifest.order }));
    fs.rmSync(demo(root, 'corpus', 'fail-six.py'));
    fs.rmSync(demo(root, 'corpus', 'pass-two.py'));
    const report = await validateKatas({ python, root });
    expect(report.ok).toBe(false);
    expect(find(report.items, 'corpus/')).toMatchObject({
      outcome: 'mismatch',
      detail: 'needs at least 4 pass-*.py and 6 fail-*.py variants (has 3 and 5)',
    });
    expect(find(report.items, 'kata.json hints')!.detail).toContain('the three hints must differ');
    expect(report.items.find((i) => i.kata === CATALOGUE)!.detail).toBe(
      `demo and needs-newer share order ${manifest.order}: give each kata its own 'order' in its kata.json`,
    );
  });

  it('validates the quiz bank with the whole catalogue', async () => {
    const root = copyRoot();
    const question = (id: string) => ({
      id,
      topic: 't',
      prompt: 'p?',
      choices: [
        { text: 'a', correct: true, why: 'because' },
        { text: 'b', correct: false, why: 'not so' },
      ],
    });
    const bank = path.join(root, 'katas', 'python', 'quiz-bank.json');
    fs.writeFileSync(bank, JSON.stringify({ questions: Array.from({ length: 20 }, (_, i) => question(`q${i % 19}`)) }));
    const report = await validateKatas({ python, root, minCorpus: SMALL });
    expect(report.items.find((i) => i.subject === 'quiz-bank.json')).toMatchObject({
      kata: CATALOGUE,
      outcome: 'mismatch',
      detail: "katas/python/quiz-bank.json: field 'questions[19].id': 'q0' is used twice",
    });
    const only = await validateKatas({ ids: ['demo'], python, root, minCorpus: SMALL });
    expect(only.items.some((i) => i.subject === 'quiz-bank.json')).toBe(false);
  });

  it('takes a bare folder of katas as well as a package root', async () => {
    const harnessEntry = path.join(FIXTURE_ROOT, 'harness', 'python', 'run.py');
    const report = await validateKatas({ python, root: path.join(FIXTURE_ROOT, 'katas', 'python'), harnessEntry, minCorpus: SMALL });
    expect(report.ok).toBe(true);
    expect([...new Set(report.items.map((i) => i.kata))]).toEqual(['demo', 'needs-newer', CATALOGUE]);
    expect(report.items.find((i) => i.subject === 'pack.json')).toMatchObject({ outcome: 'ok', detail: 'pack fixture-pack 0.1.0' });
  });

  it('requires a bare folder of katas to have the pack.json --pack will need', async () => {
    const root = path.join(copyRoot(), 'katas', 'python');
    fs.rmSync(path.join(root, 'pack.json'));
    const harnessEntry = path.join(FIXTURE_ROOT, 'harness', 'python', 'run.py');
    const report = await validateKatas({ ids: [], python, root, harnessEntry, minCorpus: SMALL });
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => i.subject === 'pack.json')!.detail).toMatch(/^file is missing: --pack loads a folder of katas only with a pack.json/);
  });

  it('flags corpus files whose result does not meet their label', async () => {
    const root = copyRoot();
    fs.writeFileSync(demo(root, 'corpus', 'fail-wrong-kind.py'), '# expect: fail never-awaited\n# fake: fail blocking-call\n');
    fs.writeFileSync(demo(root, 'corpus', 'pass-noisy.py'), '# expect: pass\n# fake: pass-noisy blocking-call\n');
    fs.writeFileSync(demo(root, 'corpus', 'pass-unlabelled.py'), '# fake: pass\n');
    const report = await validateKatas({ ids: ['demo'], python, root, minCorpus: SMALL });
    expect(report.ok).toBe(false);
    expect(find(report.items, 'corpus/fail-wrong-kind.py')!.detail).toBe(
      'expected fail [never-awaited], got fail [blocking-call]: missing never-awaited',
    );
    expect(find(report.items, 'corpus/pass-noisy.py')!.detail).toContain('with no diagnostics');
    expect(find(report.items, 'corpus/pass-unlabelled.py')!.outcome).toBe('mismatch');
    expect(find(report.items, 'corpus/pass-plain.py')!.outcome).toBe('ok');
  });

  it('flags broken quiz and explanation files, and an unknown kata', async () => {
    const root = copyRoot();
    fs.writeFileSync(demo(root, 'quiz.json'), '{"questions": []}');
    fs.rmSync(demo(root, 'explanation.md'));
    const report = await validateKatas({ ids: ['demo', 'dmeo'], python, root });
    expect(find(report.items, 'quiz.json')!.outcome).toBe('mismatch');
    expect(find(report.items, 'explanation.md')!.detail).toContain('file is missing');
    expect(report.items.find((i) => i.kata === 'dmeo')!.detail).toContain("did you mean 'demo'");
  });
});

describe('parseCorpusLabel', () => {
  it('reads pass and fail labels', () => {
    expect(parseCorpusLabel('# expect: pass\n# gathers\nimport asyncio\n')).toEqual({ expect: 'pass', kinds: [] });
    expect(parseCorpusLabel('# expect: fail blocking-call too-slow\n')).toEqual({
      expect: 'fail',
      kinds: ['blocking-call', 'too-slow'],
    });
  });

  it('reads `# python: >=3.11` on a later comment line only', () => {
    expect(parseCorpusLabel('# expect: pass\n# uses TaskGroup\n# python: >=3.11\n')).toEqual({
      expect: 'pass',
      kinds: [],
      minPython: '3.11',
    });
    expect(parseCorpusLabel('# expect: pass\nimport asyncio\n# python: >=3.11\n')).toEqual({ expect: 'pass', kinds: [] });
  });

  it('rejects malformed labels', () => {
    expect(parseCorpusLabel('import asyncio\n')).toHaveProperty('error');
    expect(parseCorpusLabel('# expect: maybe\n')).toHaveProperty('error');
    expect(parseCorpusLabel('# expect: fail\n')).toHaveProperty('error');
    expect(parseCorpusLabel('# expect: pass too-slow\n')).toHaveProperty('error');
    expect(parseCorpusLabel('# expect: fail too-sloow\n')).toEqual({ error: 'unknown diagnostic kind(s): too-sloow' });
    expect(parseCorpusLabel('# expect: pass\n# python: 3.11\n')).toHaveProperty('error');
  });
});

describe('meetsLabel', () => {
  const result = (status: CheckResult['status'], kinds: string[]): CheckResult => ({
    ...emptyResult('demo', '3.11.7', 'x.py'),
    status,
    tests: [
      { name: 't', status, message: '', elapsed: 0, diagnostics: kinds.map((kind) => ({ kind, message: kind })), output: '' },
    ],
  });

  it('needs the verdict to match and every listed kind to appear', () => {
    const label = { expect: 'fail' as const, kinds: ['too-slow'] };
    expect(meetsLabel(label, result('fail', ['too-slow', 'blocking-call'])).ok).toBe(true);
    expect(meetsLabel(label, result('error', ['too-slow'])).ok).toBe(true);
    expect(meetsLabel(label, result('fail', ['blocking-call'])).ok).toBe(false);
    expect(meetsLabel(label, result('pass', ['too-slow'])).ok).toBe(false);
  });

  it('needs a pass without diagnostics', () => {
    const label = { expect: 'pass' as const, kinds: [] };
    expect(meetsLabel(label, result('pass', [])).ok).toBe(true);
    expect(meetsLabel(label, result('pass', ['unretrieved'])).ok).toBe(false);
    expect(meetsLabel(label, result('fail', [])).ok).toBe(false);
  });
});
