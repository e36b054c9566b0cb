import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, REPO, tempDir, testPython, waitForFile, waitUntilDead } from '../helpers.js';
import { runCli } from './run-cli.js';

// The fixture root has a fake harness: a learner file's `# fake: ...` line decides the result.
const fixtureEnv = { ASYNC_KATAS_ROOT: FIXTURE_ROOT };
const PROTOCOL_KEYS = ['diagnostics', 'error', 'file', 'kata', 'output', 'python', 'status', 'tests', 'timeline', 'version'];

let dir: string;
let passing: string;
let failing: string;
beforeAll(() => {
  dir = tempDir();
  passing = path.join(dir, 'pass.py');
  failing = path.join(dir, 'fail.py');
  fs.writeFileSync(passing, '# fake: pass\n');
  fs.writeFileSync(failing, 'import time\n# fake: fail blocking-call\n');
});

/** stdout must be exactly one JSON object on one line. */
function onlyJson(stdout: string): Record<string, unknown> {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('async-katas (no command)', () => {
  it('lists the katas and how to check one', async () => {
    const run = await runCli([], fixtureEnv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1\s+demo\s+A demo kata for tests/);
    expect(run.stdout).toMatch(/2\s+needs-newer/);
    expect(run.stdout).toContain('async-katas check <kata-id> --file <your-file.py>');
  });

  // Kata content lands separately; until every kata folder has its kata.json there is nothing to list.
  const realKatas = path.join(REPO, 'katas', 'python');
  const contentReady =
    fs.existsSync(realKatas) && fs.readdirSync(realKatas).every((id) => fs.existsSync(path.join(realKatas, id, 'kata.json')));

  it.skipIf(!contentReady)('lists the real katas from the installed package', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('LEVEL');
  });

  it('prints --version from package.json and --help with examples', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const version = await runCli(['--version'], fixtureEnv);
    expect([version.code, version.stdout.trim()]).toEqual([0, pkg.version]);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('check sequential-awaits --file');
  });

  it('suggests the command meant by a typo, with exit 2', async () => {
    const run = await runCli(['chek', 'demo']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'chek'");
    expect(run.stderr).toContain('Did you mean check?');
  });
});

describe('async-katas check', () => {
  it('exits 0 and reports a pass', async () => {
    const run = await runCli(['check', 'demo', '--file', passing], fixtureEnv);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('A demo kata for tests (demo)');
    expect(run.stdout).toContain('✓ PASS');
    expect(run.stdout).toMatch(/^PASS {2}all 1 test passed/m);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 1 and reports the failing test with its located diagnostic', async () => {
    const run = await runCli(['check', 'demo', '--file', failing], { ...fixtureEnv });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ FAIL');
    expect(run.stdout).toMatch(/fail\.py:2 {2}blocking-call {2}fake blocking-call/);
    expect(run.stdout).toMatch(/^FAIL {2}0 of 1 tests passed/m);
  });

  it('shows the file relative to the working directory', async () => {
    const run = await runCli(['check', 'demo', '--file', 'fail.py'], fixtureEnv, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('file fail.py · Python 3.');
    expect(run.stdout).toContain('fail.py:2  blocking-call');
  });

  it('colours the report when FORCE_COLOR is set', async () => {
    const run = await runCli(['check', 'demo', '--file', passing], { ...fixtureEnv, NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(run.stdout).toMatch(/\u001b\[/);
  });

  it('--json prints exactly one protocol object and nothing else', async () => {
    const run = await runCli(['check', 'demo', '--file', failing, '--json'], fixtureEnv);
    expect(run.code).toBe(1);
    const json = onlyJson(run.stdout);
    expect(Object.keys(json).sort()).toEqual(PROTOCOL_KEYS);
    expect(json).toMatchObject({ version: 1, kata: 'demo', status: 'fail', error: null, timeline: null });
    expect(json.python).toMatch(/^3\.\d+\.\d+$/);
    expect((json.tests as { diagnostics: { kind: string }[] }[])[0]!.diagnostics[0]!.kind).toBe('blocking-call');
  });

  it('needs --file outside a workspace: usage error, exit 2', async () => {
    const run = await runCli(['check', 'demo'], fixtureEnv, tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no workspace here');
    expect(run.stderr).toContain('pass --file PATH');
    expect(run.stdout).toBe('');
  });

  it('names a missing file, exit 2, and still prints one JSON object with --json', async () => {
    const missing = path.join(dir, 'nope.py');
    const run = await runCli(['check', 'demo', '--file', missing, '--json'], fixtureEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot find the file ${missing}; to start from the kata's broken code: cp `);
    expect(run.stderr).toContain(`starter.py ${missing}`);
    expect(onlyJson(run.stdout)).toMatchObject({ status: 'error', kata: 'demo' });
    expect(onlyJson(run.stdout).error).toContain(`cannot find the file ${missing}`);
  });

  it('refuses a folder as --file', async () => {
    const run = await runCli(['check', 'demo', '--file', dir], fixtureEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a folder');
  });

  it('suggests the closest kata for an unknown one, exit 2', async () => {
    const run = await runCli(['check', 'dmeo', '--file', passing], fixtureEnv);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("async-katas: unknown kata 'dmeo'; did you mean 'demo'?");
  });

  it('refuses a --python that does not exist, exit 2', async () => {
    const bad = path.join(dir, 'no-python');
    const run = await runCli(['check', 'demo', '--file', passing, '--python', bad, '--json'], fixtureEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--python ${bad}: no such file`);
    expect(onlyJson(run.stdout)).toMatchObject({ status: 'error' });
  });

  it('exits 2 with requires-python when the kata needs a newer Python', async (ctx) => {
    const python = await testPython();
    if (python.versionTuple[0] === 3 && python.versionTuple[1] >= 14) ctx.skip();
    const run = await runCli(['check', 'needs-newer', '--file', passing, '--json'], fixtureEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this kata needs Python 3.14 or newer');
    expect(onlyJson(run.stdout)).toMatchObject({ status: 'error', kata: 'needs-newer' });
  });

  it('stops the check and everything it started on Ctrl+C (SIGINT), exit 130', async () => {
    const hanging = path.join(tempDir(), 'hang.py');
    fs.writeFileSync(hanging, '# fake: hang\n');
    let sleeper = 0;
    const run = await runCli(['check', 'demo', '--file', hanging], fixtureEnv, REPO, (child) => {
      void waitForFile(`${hanging}.pid`).then((pid) => {
        sleeper = Number(pid);
        child.kill('SIGINT');
      });
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('check stopped');
    expect(sleeper).toBeGreaterThan(0);
    const dead = await waitUntilDead(sleeper);
    if (!dead) process.kill(sleeper, 'SIGKILL');
    expect(dead).toBe(true);
  });

  it('reports an unknown option as a usage error, exit 2', async () => {
    const run = await runCli(['check', 'demo', '--file', passing, '--bogus'], fixtureEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
  });
});

describe('async-katas validate', () => {
  it('passes on the fixture katas: a line per kata and the totals', async () => {
    const run = await runCli(['validate'], fixtureEnv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok\s+demo\s+\d+ checks/);
    expect(run.stdout).toMatch(/validate: 2 katas, \d+ checks: \d+ ok, 0 problems/);
    expect(run.stderr).toBe(''); // no progress bar without a terminal
  });

  it('exits 1 on a problem, naming the kata, the file and what is wrong', async () => {
    const root = tempDir();
    fs.cpSync(FIXTURE_ROOT, root, { recursive: true });
    fs.writeFileSync(path.join(root, 'katas', 'python', 'demo', 'starter.py'), '# fake: pass\n');
    const run = await runCli(['validate', '--only', 'demo'], { ASYNC_KATAS_ROOT: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/PROBLEM\s+demo\s+1 of \d+ checks failed\n\s+starter\.py: expected fail \[too-slow\], got pass/);
    expect(run.stdout).toMatch(/1 problem\b/);
  });

  it('takes a folder of katas, and says so when there are none', async () => {
    const run = await runCli(['validate', path.join(FIXTURE_ROOT, 'katas', 'python')], fixtureEnv);
    expect(run.code).toBe(0);
    const empty = await runCli(['validate', tempDir()], fixtureEnv);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no katas in');
    const missing = await runCli(['validate', '/no/such/folder'], fixtureEnv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot find the folder /no/such/folder');
  });

  it('dev check is validate listing every check', async () => {
    const run = await runCli(['dev', 'check', 'demo'], fixtureEnv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok\s+demo\s+corpus\/pass-plain\.py/);
  });
});
