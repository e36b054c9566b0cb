// Runaway code that only the wall-clock watchdogs can end: a C-level loop holding the GIL, and a
// loop thread blocked for real after starting a child process. Each must end in a timeout verdict
// (never a pass) and leave no process behind. Run once, on the default interpreter: each takes ~10 s.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiagnostics } from '../../src/core/result.js';
import { FIXTURES, testPython } from '../helpers.js';
import { check, kinds } from './run.js';

const DIR = path.join(FIXTURES, 'adversarial', 'blocking-sleep');

/** Pids whose command line contains `needle` (Linux /proc). */
function processesWith(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const state = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const zombie = state.slice(state.lastIndexOf(')') + 2)[0] === 'Z';
      if (!zombie && cmdline.includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked: it is not left behind.
    }
  }
  return pids;
}

describe.skipIf(process.platform !== 'linux')('runaway code ended by the watchdogs', () => {
  it('ends a C-level loop that holds the GIL with a timeout naming the line', { timeout: 30_000 }, async () => {
    const python = await testPython();
    const result = await check('blocking-sleep', path.join(DIR, 'c-level-loop.py'), python.exe);
    expect(result.status).not.toBe('pass');
    expect(kinds(result)).toContain('timeout');
    const timeout = allDiagnostics(result).find((d) => d.kind === 'timeout');
    expect(timeout?.line).toBe(13);
  });

  // A wait nobody can end is a deadlock at once on the virtual clock; the child still must not outlive it.
  it('ends a loop blocked on a wait nobody ends and kills the child it started', { timeout: 30_000 }, async () => {
    const python = await testPython();
    expect(processesWith('sleep 300.4242')).toEqual([]);
    const result = await check('blocking-sleep', path.join(DIR, 'child-hang.py'), python.exe);
    expect(result.status).not.toBe('pass');
    expect(kinds(result)).toEqual(expect.arrayContaining(['blocking-call', 'deadlock']));
    expect(processesWith('sleep 300.4242')).toEqual([]);
  });
});
