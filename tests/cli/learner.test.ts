// The commands for learners and scripts, run through the built CLI against the fixture katas (fake harness).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, tempDir } from '../helpers.js';
import { ptyCli } from './pty-cli.js';
import { runCli } from './run-cli.js';

/** A fresh progress store and a folder to run in, per test. */
function setup() {
  const config = tempDir('ak-cli-config-');
  const cwd = tempDir('ak-cli-cwd-');
  return { cwd, config, env: { ASYNC_KATAS_ROOT: FIXTURE_ROOT, ASYNC_KATAS_CONFIG_DIR: config } };
}

/** A workspace folder with the manifest, as the app creates it. */
function workspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.async-katas.json'), '{"version":1,"created":"2026-01-01T00:00:00.000Z"}\n');
  return dir;
}

type ProgressJson = { katas: Record<string, { status: string; attempts: number; hintsUsed: number; firstSolvedAt: string | null }> };

async function progressOf(env: Record<string, string>, cwd: string): Promise<ProgressJson> {
  const run = await runCli(['progress', '--json'], env, cwd);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ProgressJson;
}

describe('check without --file', () => {
  it('checks <workspace>/<id>.py found from a subfolder, and records attempts and the solve', async () => {
    const { cwd, env } = setup();
    const ws = workspace(path.join(cwd, 'ws'));
    const sub = path.join(ws, 'notes');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(ws, 'demo.py'), '# fake: fail too-slow\n');
    const failed = await runCli(['check', 'demo'], env, sub);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`file ${path.join(ws, 'demo.py')} · Python`); // outside the working folder: absolute
    expect(failed.stdout).toMatch(/check again:\n\s+async-katas check demo\n/);
    expect((await progressOf(env, cwd)).katas.demo).toMatchObject({ status: 'attempted', attempts: 1 });

    fs.writeFileSync(path.join(ws, 'demo.py'), '# fake: pass\n');
    expect((await runCli(['check', 'demo', '--json'], env, sub)).code).toBe(0);
    const demo = (await progressOf(env, cwd)).katas.demo!;
    expect(demo).toMatchObject({ status: 'solved', attempts: 2 });
    expect(Date.parse(demo.firstSolvedAt!)).not.toBeNaN();
  });

  it('finds ./async-katas below the working folder', async () => {
    const { cwd, env } = setup();
    const ws = workspace(path.join(cwd, 'async-katas'));
    fs.writeFileSync(path.join(ws, 'demo.py'), '# fake: pass\n');
    expect((await runCli(['check', 'demo'], env, cwd)).code).toBe(0);
  });

  it('without a workspace: exit 2, says how to get one, records nothing', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['check', 'demo'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no workspace here: run `async-katas` to create one, or pass --file');
    const json = await runCli(['check', 'demo', '--json'], env, cwd);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'error', kata: 'demo' });
    expect((await progressOf(env, cwd)).katas.demo!.attempts).toBe(0);
  });

  it('--workspace DIR creates the workspace and the starter file, and never overwrites it later', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['--workspace', 'mine', 'check', 'demo'], env, cwd);
    expect(run.code).toBe(1); // the starter is broken on purpose
    expect(run.stderr).toContain(`created ${path.join('mine', 'demo.py')} from the kata's starter`);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'mine', '.async-katas.json'), 'utf8'))).toMatchObject({ version: 1 });
    expect(fs.readFileSync(path.join(cwd, 'mine', 'demo.py'), 'utf8')).toBe(
      fs.readFileSync(path.join(FIXTURE_ROOT, 'katas', 'python', 'demo', 'starter.py'), 'utf8'),
    );
    fs.writeFileSync(path.join(cwd, 'mine', 'demo.py'), '# fake: pass\n');
    const again = await runCli(['check', 'demo', '--workspace', 'mine'], env, cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('a broken workspace manifest is exit 2 naming the file', async () => {
    const { cwd, env } = setup();
    fs.writeFileSync(path.join(cwd, '.async-katas.json'), '{"version": 9}');
    const run = await runCli(['check', 'demo'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path.join(cwd, '.async-katas.json')}: workspace format version 9 is newer`);
  });

  it('--file checks are recorded too; a corrupt store is moved aside with a warning and the verdict stands', async () => {
    const { cwd, config, env } = setup();
    fs.writeFileSync(path.join(config, 'progress.json'), '{not json');
    fs.writeFileSync(path.join(cwd, 'fix.py'), '# fake: pass\n');
    const run = await runCli(['check', 'demo', '--file', 'fix.py'], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: the progress file .*progress\.json could not be used \(not valid JSON.*moved to .*progress\.corrupt-.*\.json/);
    const backups = fs.readdirSync(config).filter((n) => n.startsWith('progress.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(config, backups[0]!), 'utf8')).toBe('{not json');
    expect((await progressOf(env, cwd)).katas.demo!.status).toBe('solved');
  });
});

describe('list, progress', () => {
  it('list --json: every kata with its fields and status', async () => {
    const { cwd, env } = setup();
    fs.writeFileSync(path.join(cwd, 'fix.py'), '# fake: fail too-slow\n');
    await runCli(['check', 'demo', '--file', 'fix.py'], env, cwd);
    const run = await runCli(['list', '--json'], env, cwd);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(list).toEqual([
      { id: 'demo', title: 'A demo kata for tests', level: 1, concepts: ['testing'], minPython: '3.10', pack: null, status: 'attempted' },
      expect.objectContaining({ id: 'needs-newer', status: 'new' }),
    ]);
    const text = await runCli(['list'], env, cwd);
    expect(text.stdout).toMatch(/1\s+demo\s+A demo kata for tests\s+attempted/);
    expect(text.stdout).toContain('0 of 2 solved.');
  });

  it('progress --json has every kata with status, attempts, hints, first solve and quiz', async () => {
    const { cwd, env } = setup();
    const json = await progressOf(env, cwd);
    expect(Object.keys(json)).toEqual(['katas']);
    expect(Object.keys(json.katas).sort()).toEqual(['demo', 'needs-newer']);
    expect(json.katas.demo).toEqual({ status: 'new', attempts: 0, hintsUsed: 0, firstSolvedAt: null, lastCheckedAt: null, quiz: {} });
    const text = await runCli(['progress'], env, cwd);
    expect(text.stdout).toContain('Progress: 0 of 2 katas solved');
    expect(text.stdout).toMatch(/demo\s+new\s+0\s+0\/3/);
  });
});

describe('hint', () => {
  it('shows the next tier each time, remembers it, and --all repeats what was shown', async () => {
    const { cwd, env } = setup();
    const none = await runCli(['hint', 'demo', '--all'], env, cwd);
    expect(none.stdout).toContain('No hints shown yet for demo');
    expect((await runCli(['hint', 'demo'], env, cwd)).stdout).toMatch(/^Hint 1 of 3: one\n/);
    expect((await runCli(['hint', 'demo'], env, cwd)).stdout).toMatch(/^Hint 2 of 3: two\n/);
    expect((await progressOf(env, cwd)).katas.demo!.hintsUsed).toBe(2);
    expect((await runCli(['hint', 'demo', '--all'], env, cwd)).stdout).toBe(
      'Hint 1 of 3: one\nHint 2 of 3: two\n',
    );
    expect((await runCli(['hint', 'demo'], env, cwd)).stdout).toContain('Hint 3 of 3: three\nThat was the last hint.');
    const after = await runCli(['hint', 'demo'], env, cwd);
    expect(after.stdout).toContain('Hint 1 of 3: one\nHint 2 of 3: two\nHint 3 of 3: three\nAll 3 hints are shown.');
    expect((await progressOf(env, cwd)).katas.demo!.hintsUsed).toBe(3);
  });

  it('an unknown kata: exit 2 with the closest id', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['hint', 'deom'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown kata 'deom'; did you mean 'demo'?");
  });
});

describe('explain', () => {
  it('prints every section title in order as plain text', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['explain', 'demo'], env, cwd);
    expect(run.code).toBe(0);
    const titles = ['Core answer', 'Why this design exists', 'Mechanics and CPython internals', 'Complexity and tradeoffs'];
    const at = titles.map((t) => run.stdout.indexOf(`\n${t}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(run.stdout).toContain('    ## not a heading: a comment inside code');
    expect(run.stdout).not.toContain('```');
  });
});

describe('reset', () => {
  function solvedWorkspace() {
    const s = setup();
    const ws = workspace(path.join(s.cwd, 'ws'));
    fs.writeFileSync(path.join(ws, 'demo.py'), '# fake: pass\n');
    return { ...s, ws, file: path.join(ws, 'demo.py') };
  }

  it('without a terminal and without --yes: refuses with exit 2 and changes nothing', async () => {
    const { ws, file, env } = solvedWorkspace();
    await runCli(['check', 'demo'], env, ws);
    const run = await runCli(['reset', 'demo'], env, ws);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --yes to reset');
    expect(fs.readFileSync(file, 'utf8')).toBe('# fake: pass\n');
    expect((await progressOf(env, ws)).katas.demo!.status).toBe('solved');
  });

  it('--yes: the file goes back to the starter, the old one to .bak, and the progress is forgotten', async () => {
    const { ws, file, env } = solvedWorkspace();
    await runCli(['check', 'demo'], env, ws);
    const run = await runCli(['reset', 'demo', '--yes'], env, ws);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('reset to the starter (your version: demo.py.bak)');
    expect(fs.readFileSync(file, 'utf8')).toContain('# fake: fail too-slow');
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('# fake: pass\n');
    expect((await progressOf(env, ws)).katas.demo).toMatchObject({ status: 'new', attempts: 0 });
  });

  it('--all --yes resets every existing file and all progress; id or --all is required', async () => {
    const { ws, file, env } = solvedWorkspace();
    await runCli(['check', 'demo'], env, ws);
    await runCli(['hint', 'needs-newer'], env, ws);
    expect((await runCli(['reset'], env, ws)).code).toBe(2);
    const run = await runCli(['reset', '--all', '--yes'], env, ws);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('# fake: pass\n');
    expect(fs.existsSync(path.join(ws, 'needs-newer.py'))).toBe(false);
    const progress = await progressOf(env, ws);
    expect(progress.katas.demo!.status).toBe('new');
    expect(progress.katas['needs-newer']!.hintsUsed).toBe(0);
  });

  it('on a terminal it asks: anything but y keeps everything, y resets', async () => {
    const { ws, file, env } = solvedWorkspace();
    const no = ptyCli(['reset', 'demo'], env, ws);
    await no.waitFor('Continue? [y/N]');
    no.write('n\r');
    expect(await no.exited).toBe(1);
    expect(no.output()).toContain('Nothing was reset.');
    expect(fs.readFileSync(file, 'utf8')).toBe('# fake: pass\n');

    const yes = ptyCli(['reset', 'demo'], env, ws);
    await yes.waitFor('Continue? [y/N]');
    yes.write('y\r');
    expect(await yes.exited).toBe(0);
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('# fake: pass\n');
  });
});

describe('the bare command and open, without a terminal', () => {
  it('prints the kata list and how to check, with stdin not a terminal', async () => {
    const { cwd, env } = setup();
    const run = await runCli([], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1\s+demo\s+A demo kata for tests\s+new/);
    expect(run.stdout).toContain('async-katas check <kata-id> --file <your-file.py>');
  });

  it('prints the list, without a raw-mode crash, when only stdout is not a terminal', async () => {
    const { cwd, env } = setup();
    const run = ptyCli([], env, cwd, true);
    await run.exited;
    expect(run.output()).toMatch(/1\s+demo\s+A demo kata for tests\s+new/);
    expect(run.output()).not.toMatch(/raw mode|Error/i);
  });

  it('--workspace DIR alone creates the workspace and names it in the list', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['--workspace', 'here'], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`your workspace: ${path.join(cwd, 'here')}`);
    expect(fs.existsSync(path.join(cwd, 'here', '.async-katas.json'))).toBe(true);
  });

  it('open <id> prints the task and where to edit; an unknown id is exit 2 with a suggestion', async () => {
    const { cwd, env } = setup();
    workspace(cwd);
    const run = await runCli(['open', 'demo'], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Make the fake harness report a pass.');
    expect(run.stdout).toContain(`Your file: ${path.join(cwd, 'demo.py')}`);
    const bad = await runCli(['open', 'dem'], env, cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("did you mean 'demo'?");
  });

  it('quiz without a terminal asks in plain lines, reads digits from stdin and records each answer', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['quiz'], env, cwd, undefined, 'x\n1\n1\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Question 1 of 4 (testing, from demo)');
    expect(run.stdout).toContain('Answer (1-2): 1\n✓ Right.');
    expect(run.stdout).toContain('  1. this');
    expect(run.stdout).toContain('"x" is not one of the choices.');
    expect(run.stdout).toContain('✓ Right.');
    expect(run.stdout).toContain('✗ Not quite: the answer is 2.');
    expect(run.stdout).toContain('     because not');
    // Stdin ends at the third question: the score is of what was answered.
    expect(run.stdout).toContain('(no more answers on stdin)');
    expect(run.stdout).toContain('Score: 1 of 2 right');
    const stored = JSON.parse(fs.readFileSync(path.join(env.ASYNC_KATAS_CONFIG_DIR, 'progress.json'), 'utf8'));
    expect(stored.review).toMatchObject({ 'demo#1': { box: 2, seen: 1 }, 'demo#2': { box: 1, seen: 1 } });
  });

  it('quiz without a terminal and nothing on stdin says why in one line on stderr, exit 2', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['quiz'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^async-katas: no answer on stdin/);
  });

  it('an unknown command gets the closest one, exit 2; --help lists every command', async () => {
    const { cwd, env } = setup();
    const run = await runCli(['progess'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'progess'");
    expect(run.stderr).toContain('Did you mean progress?');
    const help = await runCli(['--help'], env, cwd);
    for (const command of ['check', 'list', 'open', 'quiz', 'hint', 'explain', 'progress', 'reset', 'dev', '--workspace', 'ASYNC_KATAS_CONFIG_DIR']) {
      expect(help.stdout).toContain(command);
    }
  });
});
