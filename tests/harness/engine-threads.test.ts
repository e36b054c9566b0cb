// The virtual clock in every thread (harness/python/katacheck/vsched.py and its primitives): each fixture
// under tests/fixtures/engine/threads is a scenario for the probe kata, labelled with its verdict and, for
// a blocking call, the line and the call as the learner wrote it. Run on every CPython found.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKata } from '../../src/core/catalog.js';
import { runCheck } from '../../src/core/check.js';
import { meetsLabel } from '../../src/core/validate.js';
import { allDiagnostics } from '../../src/core/result.js';
import { FIXTURES } from '../helpers.js';
import { installedInterpreters } from './interpreters.js';
import { labelledFiles, pythonAt } from './run.js';

export const ENGINE_ROOT = path.join(FIXTURES, 'engine', 'root');

export async function probe(file: string, exe: string) {
  return runCheck({ kata: findKata('probe', ENGINE_ROOT), file, python: await pythonAt(exe) });
}

/** `# line: 12 threading.Event.wait` on a fixture: the line and call its blocking-call must name. */
export function expectedSite(file: string): { line: number; call: string } | undefined {
  const m = /^# line: (\d+) (\S+)$/m.exec(fs.readFileSync(file, 'utf8'));
  return m ? { line: Number(m[1]), call: m[2] ?? "" } : undefined;
}

const cases = labelledFiles(path.join(FIXTURES, 'engine')).filter((f) => f.kata === 'threads');

describe.each(installedInterpreters())('CPython $version', ({ exe }) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await probe(c.file, exe);
    const verdict = meetsLabel(c.label, result);
    expect(verdict.detail).toBe(verdict.ok ? verdict.detail : 'a verdict meeting the label');
    const site = expectedSite(c.file);
    if (site) {
      const found = allDiagnostics(result).filter((d) => d.kind === 'blocking-call');
      expect(found.map((d) => [d.line, d.call])).toEqual([[site.line, site.call]]);
    }
  });
});
