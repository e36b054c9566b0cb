// The real harness and a real kata, end to end. Skipped until both are in the tree.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { runCli } from './run-cli.js';

const kataDir = path.join('katas', 'python', 'sequential-awaits');
const present = ['harness/python/run.py', `${kataDir}/kata.json`, `${kataDir}/tests.py`, `${kataDir}/solution.py`, `${kataDir}/starter.py`].every(
  (f) => fs.existsSync(path.join(REPO, f)),
);

describe.skipIf(!present)('check sequential-awaits with the real harness', () => {
  it('passes the reference solution', async () => {
    const run = await runCli(['check', 'sequential-awaits', '--file', `${kataDir}/solution.py`, '--json']);
    const json = JSON.parse(run.stdout) as { status: string; kata: string; tests: { status: string }[]; error: unknown };
    expect(json).toMatchObject({ status: 'pass', kata: 'sequential-awaits', error: null });
    expect(json.tests.length).toBeGreaterThan(0);
    expect(json.tests.every((t) => t.status === 'pass')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('fails the starter with exit 1', async () => {
    const run = await runCli(['check', 'sequential-awaits', '--file', `${kataDir}/starter.py`, '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'fail' });
    expect(run.code).toBe(1);
  });
});
