// A harness started ahead of its check: used once when it fits, replaced when it can't be used.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findKata } from '../../src/core/catalog.js';
import { prepareHarness, runCheck, type PreparedHarness } from '../../src/core/check.js';
import { REPO, testPython, waitUntilDead } from '../helpers.js';

const made: PreparedHarness[] = [];
afterEach(() => {
  for (const h of made.splice(0)) h.dispose();
});

const solution = path.join(REPO, 'katas/python/sequential-awaits/solution.py');
const starter = path.join(REPO, 'katas/python/sequential-awaits/starter.py');

describe('prepared harness', () => {
  it('checks a file exactly as a fresh process does, and is used only once', async () => {
    const python = await testPython();
    const kata = findKata('sequential-awaits');
    const prepared = prepareHarness(python);
    made.push(prepared);
    expect(prepared.usable).toBe(true);
    const warm = await runCheck({ kata, file: starter, python, prepared });
    const cold = await runCheck({ kata, file: starter, python });
    expect(prepared.usable).toBe(false);
    expect(warm.status).toBe('fail');
    expect(JSON.stringify(warm.tests)).toBe(JSON.stringify(cold.tests));
    expect(warm.timelines).toEqual(cold.timelines);
    // Used again, it is not trusted: a fresh process checks instead.
    const again = await runCheck({ kata, file: solution, python, prepared });
    expect(again.status).toBe('pass');
  });

  it('replaces a prepared process that died before its check', async () => {
    const python = await testPython();
    const kata = findKata('sequential-awaits');
    const prepared = prepareHarness(python);
    made.push(prepared);
    const pid = (prepared as unknown as { child: { pid: number } }).child.pid;
    process.kill(pid, 'SIGKILL');
    expect(await waitUntilDead(pid)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(prepared.usable).toBe(false);
    const result = await runCheck({ kata, file: solution, python, prepared });
    expect(result.status).toBe('pass');
  });

  it('dispose ends the waiting process', async () => {
    const python = await testPython();
    const prepared = prepareHarness(python);
    const pid = (prepared as unknown as { child: { pid: number } }).child.pid;
    prepared.dispose();
    expect(await waitUntilDead(pid)).toBe(true);
    expect(prepared.usable).toBe(false);
  });
});
