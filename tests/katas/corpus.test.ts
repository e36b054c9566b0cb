// Every kata, on every CPython 3.10+ installed: valid manifest, quiz and explanation; the starter fails,
// the reference passes, and every corpus file gets exactly the verdict its label promises (a variant
// marked `# python: >=3.11` must be failed with requires-python by an older interpreter).
import { describe, expect, it } from 'vitest';
import { devCheck } from '../../src/core/dev-check.js';
import { installedInterpreters } from '../harness/interpreters.js';
import { pythonAt } from '../harness/run.js';

describe.each(installedInterpreters())('CPython $version', ({ exe }) => {
  it('dev check finds every kata sound and every corpus label true', async () => {
    const report = await devCheck({ python: await pythonAt(exe) });
    const mismatches = report.items.filter((i) => i.outcome !== 'ok').map((i) => `${i.kata} ${i.subject}: ${i.detail}`);
    expect(mismatches).toEqual([]);
    // Each kata proves its tests with at least 4 other correct fixes and 6 wrong ones.
    const katas = [...new Set(report.items.map((i) => i.kata))];
    expect(katas.length).toBeGreaterThanOrEqual(3);
    for (const kata of katas) {
      const count = (prefix: string) => report.items.filter((i) => i.kata === kata && i.subject.startsWith(prefix)).length;
      expect({ kata, pass: count('corpus/pass-') >= 4, fail: count('corpus/fail-') >= 6 }).toEqual({ kata, pass: true, fail: true });
    }
  });
});
