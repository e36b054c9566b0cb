// Never-awaited, dropped and misused work (issue 11, item 6), on every CPython 3.10+ installed here:
// each fixture under tests/fixtures/engine/awaited/<kata>/ gets its labelled verdict, every diagnostic
// of a kind marked `# <- kind` on a line names exactly the marked lines (and these three kinds appear
// nowhere else, line-less duplicates included), and no never-awaited warning
// is printed into the learner's output instead of being a diagnostic.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/core/check.js';
import { allDiagnostics, type CheckResult } from '../../src/core/result.js';
import { meetsLabel } from '../../src/core/validate.js';
import { FIXTURES } from '../helpers.js';
import { installedInterpreters } from './interpreters.js';
import { check, labelledFiles } from './run.js';

const interpreters = installedInterpreters();
const dir = path.join(FIXTURES, 'engine', 'awaited');
const files = labelledFiles(dir);
// This engine's kinds: wherever one shows up in these files, it is at a marked line (none unmarked).
const OWN = ['never-awaited', 'dropped-task', 'coroutine-callback'];

/** kind -> the lines marked `# <- kind`, in order. */
function markedLines(file: string): Map<string, number[]> {
  const marks = new Map<string, number[]>();
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((text, i) => {
      const m = /#\s*<-\s*([a-z-]+)\s*$/.exec(text);
      if (m) marks.set(m[1]!, [...(marks.get(m[1]!) ?? []), i + 1]);
    });
  return marks;
}

function printed(result: CheckResult): string {
  return [result.output, result.stdout, result.stderr, ...result.tests.map((t) => t.output)].join('\n');
}

it('has fixtures, each failing case with its line marked', () => {
  expect(files.length).toBeGreaterThanOrEqual(20);
  for (const f of files.filter((f) => f.label.expect === 'fail')) {
    expect([...markedLines(f.file).keys()], f.name).toEqual(f.label.kinds);
  }
});

describe.each(interpreters)('CPython $version', ({ exe }) => {
  describe.each(files)('$kata/$name', ({ kata, file, label }) => {
    it(`gets its labelled verdict (${label.expect} ${label.kinds.join(' ')}) at the marked lines`, async () => {
      const result = await check(kata, file, exe);
      const verdict = meetsLabel(label, result);
      expect(verdict.detail).toBe(verdict.ok ? verdict.detail : 'a verdict meeting the label');
      const marked = markedLines(file);
      for (const kind of new Set([...OWN, ...marked.keys()])) {
        const found = allDiagnostics(result).filter((d) => d.kind === kind);
        const lines = [...new Set(found.map((d) => d.line))].sort((a, b) => a! - b!);
        expect(lines, `${kind} at the marked lines only`).toEqual(marked.get(kind) ?? []);
        for (const d of found) expect(d.file).toBe(displayPath(file));
      }
      expect(printed(result)).not.toContain('never awaited');
    });
  });

  it('names a coroutine kept since the import once, in the load, and not again in a test', async () => {
    const file = path.join(dir, 'forgotten-await', 'fail-kept-at-import.py');
    const result = await check('forgotten-await', file, exe);
    const [load, ...cases] = result.tests;
    expect(load!.name).toBe(`${displayPath(file)} loads`);
    expect(load!.diagnostics.map((d) => d.kind)).toEqual(['never-awaited']);
    expect(cases.map((t) => [t.status, t.diagnostics])).toEqual(cases.map(() => ['pass', []]));
  });

  it('names a coroutine kept by one test and dropped by the next only in the first', async () => {
    const file = path.join(dir, 'forgotten-await', 'fail-kept-then-dropped.py');
    const result = await check('forgotten-await', file, exe);
    expect(result.tests.map((t) => [t.status, t.diagnostics.map((d) => d.kind)])).toEqual([
      ['fail', ['never-awaited']],
      ['pass', []],
    ]);
    expect(result.tests[0]!.diagnostics[0]!.message).toContain('still waiting to start when the test ended');
  });

  it('names a dropped task once per call site and test, counting the tasks', async () => {
    const file = path.join(dir, 'lost-task', 'fail-dropped-create-task.py');
    const result = await check('lost-task', file, exe);
    const close = result.tests.find((t) => t.name.startsWith('close() waits'))!;
    expect(close.diagnostics.map((d) => d.kind)).toEqual(['dropped-task']);
    expect(close.diagnostics[0]!.message).toContain('(3 tasks)');
    expect(close.diagnostics[0]!.message).toContain('weak reference');
  });
});
