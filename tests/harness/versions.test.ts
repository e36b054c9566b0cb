// The harness on every CPython 3.10+ installed here: each kata's starter fails for the right reasons,
// its reference passes, and the runaway/forgery fixtures that end quickly get their verdicts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/core/check.js';
import { meetsLabel } from '../../src/core/validate.js';
import { allDiagnostics } from '../../src/core/result.js';
import { FIXTURES } from '../helpers.js';
import { installedInterpreters } from './interpreters.js';
import { loadCatalog } from '../../src/core/catalog.js';
import { satisfiesMinPython } from '../../src/core/python.js';
import { check, kataFile, kinds, labelledFiles } from './run.js';

const interpreters = installedInterpreters();
const katas = loadCatalog();
const versionTuple = (v: string) => v.split('.').map(Number) as [number, number, number];
// Fixtures that need the wall-clock watchdog take ~10 s each: runaway.test.ts runs them once.
const SLOW = new Set(['child-hang.py', 'c-level-loop.py']);
const adversarial = labelledFiles(path.join(FIXTURES, 'adversarial')).filter((f) => !SLOW.has(f.name));

it('finds at least one interpreter to test', () => {
  expect(interpreters.length).toBeGreaterThan(0);
});

describe.each(interpreters)('CPython $version', ({ exe, version }) => {
  const minor = Number(version.split('.')[1]);

  describe.each(katas.filter((k) => satisfiesMinPython(versionTuple(version), k.minPython)).map((k) => [k.id, k.starterFails] as const))('%s', (kata, starterKinds) => {
    it('fails the starter with the diagnostics that name the bug', async () => {
      const starter = kataFile(kata, 'starter.py');
      const result = await check(kata, starter, exe);
      expect(result.status).toBe('fail');
      expect(kinds(result)).toEqual(expect.arrayContaining(starterKinds));
      const located = allDiagnostics(result).filter((d) => d.line !== undefined);
      expect(located.length).toBeGreaterThan(0);
      for (const d of located) expect(d.file).toBe(displayPath(starter));
    });

    it('passes the reference solution with a timeline beside the reference', async () => {
      const result = await check(kata, kataFile(kata, 'solution.py'), exe);
      expect(result.tests.map((t) => [t.name, t.status, t.diagnostics])).toEqual(
        result.tests.map((t) => [t.name, 'pass', []]),
      );
      expect(result.status).toBe('pass');
      expect(result.python).toBe(version);
      // Katas whose point is not concurrency (custom-awaitable, cpu-bound-offload...) draw no timeline.
      for (const timeline of result.timelines) {
        expect(timeline.learner.rows.length).toBeGreaterThan(0);
        expect(timeline.reference?.elapsed).toBe(timeline.learner.elapsed);
      }
    });
  });

  it('does not take the never-awaited warning reading your source for a blocking call', async () => {
    const file = kataFile('blocking-sleep', 'corpus/fail-sleep-not-awaited.py');
    const result = await check('blocking-sleep', file, exe);
    expect(kinds(result)).toContain('never-awaited');
    expect(kinds(result)).not.toContain('blocking-call');
  });

  describe.each(adversarial)('$kata/$name', ({ kata, file, label }) => {
    const skip = label.minPython !== undefined && minor < Number(label.minPython.split('.')[1]);
    it.skipIf(skip)(`gets its labelled verdict (${label.expect} ${label.kinds.join(' ')})`, async () => {
      const result = await check(kata, file, exe);
      const verdict = meetsLabel({ ...label, minPython: undefined }, result);
      expect(verdict.detail).toBe(verdict.ok ? verdict.detail : 'a verdict meeting the label');
      expect(verdict.ok).toBe(true);
    });
  });
});
