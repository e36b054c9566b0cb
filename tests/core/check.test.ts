import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadKata, type Kata } from '../../src/core/catalog.js';
import { OUTPUT_LIMIT, runCheck, type RunCheckOptions } from '../../src/core/check.js';
import type { PythonInfo } from '../../src/core/python.js';
import { exitCodeFor } from '../../src/core/result.js';
import { FIXTURE_ROOT, FIXTURES, isAlive, tempDir, testPython, waitForFile, waitUntilDead } from '../helpers.js';

let python: PythonInfo;
let kata: Kata;
beforeAll(async () => {
  python = await testPython();
  kata = loadKata('demo', FIXTURE_ROOT);
});

// Sleepers the fake harnesses started; killed by pid after each test so a failing test leaves nothing behind.
const sleepers: number[] = [];
afterEach(() => {
  for (const pid of sleepers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
});

function sleeperPid(text: string): number {
  const pid = Number(text);
  sleepers.push(pid);
  return pid;
}

/** A private copy of a learner file, so fake harnesses can write `<learner>.pid` beside it. */
function learner(name = 'any.py'): string {
  const file = path.join(tempDir(), name);
  fs.copyFileSync(path.join(FIXTURES, 'learner', name), file);
  return file;
}

function check(harness: string, extra: Partial<RunCheckOptions> = {}) {
  return runCheck({
    kata,
    file: extra.file ?? learner(),
    python,
    display: 'fix.py',
    harnessEntry: path.join(FIXTURES, 'harness', `${harness}.py`),
    ...extra,
  });
}

describe('runCheck with a well-behaved harness', () => {
  it('reads every record from fd 3 and keeps raw output apart', async () => {
    const result = await check('good');
    expect(result.status).toBe('pass');
    expect(exitCodeFor(result)).toBe(0);
    expect(result.python).toMatch(/^3\.\d+\.\d+$/);
    expect(result.file).toBe('fix.py');
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['adds up', 'pass'],
      ['config', 'pass'],
    ]);
    expect(result.tests[0]!.output).toBe('printed in test\n');
    expect(result.timelines).toHaveLength(1);
    expect(result.timelines[0]!.learner.rows[0]!.label).toBe('f()');
    expect(result.output).toBe('printed at import\n');
    expect(result.stdout).toBe('raw stdout line\n');
    expect(result.stderr).toBe('raw stderr line\n');
    expect(result.ignoredRecords).toBe(0);
    expect(result.error).toBeNull();
  });

  it('sends the config line of the protocol', async () => {
    const file = learner();
    const result = await check('good', { file });
    const config = JSON.parse(result.tests[1]!.message);
    expect(config).toEqual({
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/),
      kata: 'demo',
      tests: kata.files.tests,
      learner: file,
      display: 'fix.py',
      reference: kata.files.solution,
      minPython: '3.10',
    });
    const again = JSON.parse((await check('good', { file })).tests[1]!.message);
    expect(again.nonce).not.toBe(config.nonce);
  });

  it('passes a failing test and its located diagnostics through', async () => {
    const result = await check('fail');
    expect(result.status).toBe('fail');
    expect(exitCodeFor(result)).toBe(1);
    expect(result.tests[0]!.diagnostics).toEqual([
      {
        kind: 'blocking-call',
        message: 'time.sleep froze the loop for 10 ms',
        file: 'fix.py',
        line: 12,
        call: 'time.sleep',
        frozenMs: 10,
      },
    ]);
  });
});

describe('runCheck when the result channel is abused', () => {
  it('never takes a result from stdout, even with the right nonce', async () => {
    const result = await check('forge-stdout');
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(result.diagnostics[0]!.kind).toBe('exception');
    expect(result.stdout).toContain('"done"');
  });

  it('ignores and counts records with a wrong nonce or that are not JSON objects', async () => {
    const result = await check('wrong-nonce');
    expect(result.status).toBe('error');
    expect(result.ignoredRecords).toBe(3);
    expect(result.python).toMatch(/^3\./);
  });
});

describe('runCheck when no result is recorded', () => {
  it('explains an os._exit during a test', async () => {
    const result = await check('os-exit');
    expect(result.status).toBe('error');
    expect(exitCodeFor(result)).toBe(1);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.kind).toBe('exception');
    expect(result.error).toBe(
      "your code ended the check early (for example os._exit or a crash) before any result was recorded (during the test 'first')",
    );
  });

  it('shows the traceback of a crash and points at the learner line', async () => {
    const result = await check('crash', { file: learner('raises.py') });
    const diag = result.diagnostics[0]!;
    expect(diag.kind).toBe('exception');
    expect(diag.message).toContain('Traceback (most recent call last):');
    expect(diag.message).toContain('ZeroDivisionError');
    expect(diag).toMatchObject({ file: 'fix.py', line: 2 });
    expect(result.error).not.toContain('\n');
    // Shown once, in the diagnostic, not again as the learner's output.
    expect(result.stderr).not.toContain('Traceback');
  });

  it('reads a faulthandler timeout dump: timeout at the line the code was spinning on', async () => {
    const result = await check('faulthandler-timeout', { file: learner('spins.py') });
    expect(result.status).toBe('error');
    expect(result.diagnostics).toEqual([
      { kind: 'timeout', message: "your code was still running after 1 s (during the test 'spins')", file: 'fix.py', line: 2 },
    ]);
    expect(result.stderr).toBe('learner says hi\n');
    expect(exitCodeFor(result)).toBe(1);
  });

  it('uses the fatal record of the harness watchdog', async () => {
    const result = await check('fatal');
    expect(result.status).toBe('error');
    expect(result.diagnostics).toEqual([
      { kind: 'timeout', message: 'the test was still running after 5 s', file: 'fix.py', line: 7 },
    ]);
    expect(exitCodeFor(result)).toBe(1);
  });

  it('kills the whole process group at the backstop, children included', async () => {
    const file = learner();
    const result = await check('hang', { file, backstopMs: 2_000 });
    const pid = sleeperPid(fs.readFileSync(`${file}.pid`, 'utf8'));
    expect(result.status).toBe('error');
    expect(result.diagnostics).toEqual([{ kind: 'timeout', message: 'your code was still running after 2 s' }]);
    expect(await waitUntilDead(pid)).toBe(true);
  });
});

describe('runCheck cleanup and limits', () => {
  it('kills children left behind after a normal exit', async () => {
    const file = learner();
    const result = await check('leftover', { file });
    expect(result.status).toBe('pass');
    const pid = sleeperPid(fs.readFileSync(`${file}.pid`, 'utf8'));
    expect(await waitUntilDead(pid)).toBe(true);
  });

  it('keeps 64 KiB of each raw stream but drains them to the end', async () => {
    const result = await check('chatty');
    expect(result.status).toBe('pass');
    expect(result.stdout.length).toBe(OUTPUT_LIMIT);
    expect(result.stderr.length).toBe(OUTPUT_LIMIT);
    expect(result.stdoutTruncated).toBe(true);
    expect(result.stderrTruncated).toBe(true);
  });

  it('stops the harness and its children when aborted', async () => {
    const file = learner();
    const controller = new AbortController();
    const running = check('hang', { file, signal: controller.signal });
    const pid = sleeperPid(await waitForFile(`${file}.pid`));
    expect(isAlive(pid)).toBe(true);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(await waitUntilDead(pid)).toBe(true);
  });

  it('rejects at once when already aborted', async () => {
    await expect(check('good', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('runCheck environment errors', () => {
  it('refuses an interpreter older than the kata needs, without running anything', async () => {
    const newer = loadKata('needs-newer', FIXTURE_ROOT);
    const old: PythonInfo = { ...python, version: '3.11.7', versionTuple: [3, 11, 7] };
    const result = await check('good', { kata: newer, python: old });
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(result.diagnostics[0]!.kind).toBe('requires-python');
    expect(result.error).toContain('this kata needs Python 3.14 or newer; found Python 3.11.7');
    expect(exitCodeFor(result)).toBe(2);
  });

  it('reports a missing harness as an environment error', async () => {
    const result = await check('no-such-harness');
    expect(result.status).toBe('error');
    expect(result.error).toContain('the check harness is missing');
    expect(exitCodeFor(result)).toBe(2);
  });

  it('reports an interpreter that cannot start', async () => {
    const gone: PythonInfo = { ...python, exe: path.join(tempDir(), 'python-was-here') };
    const result = await check('good', { python: gone });
    expect(result.error).toContain('could not start Python');
    expect(exitCodeFor(result)).toBe(2);
  });
});
