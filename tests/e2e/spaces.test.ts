// Folders with spaces everywhere a learner has them: the workspace, the config folder, the file checked,
// and the trainer's own kata screen on such a workspace.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { REPO, tempDir } from '../helpers.js';
import { startCli, type Session } from './pty.js';

let session: Session | undefined;
afterEach(() => {
  session?.pty.kill();
  session = undefined;
});

function setup() {
  const home = path.join(tempDir('ak-spaces-'), 'My Documents');
  fs.mkdirSync(home);
  const env: NodeJS.ProcessEnv = { ASYNC_KATAS_CONFIG_DIR: path.join(home, 'async katas config'), ASYNC_KATAS_CACHE_DIR: path.join(home, 'cache dir') };
  return { home, env, ws: path.join(home, 'my katas') };
}

describe('paths with spaces', () => {
  it('check creates, finds and checks the workspace file, and the command to run again is quoted', async () => {
    const { home, env, ws } = setup();
    const first = await runCli(['check', 'sequential-awaits', '--workspace', ws], env, home);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("async-katas check sequential-awaits --workspace '");
    expect(first.stdout).toMatch(/sequential-awaits\.py:\d+/);
    fs.copyFileSync(path.join(REPO, 'katas', 'python', 'sequential-awaits', 'solution.py'), path.join(ws, 'sequential-awaits.py'));
    const second = await runCli(['check', 'sequential-awaits'], env, ws);
    expect(second.code).toBe(0);
    const progress = JSON.parse((await runCli(['progress', '--json'], env, ws)).stdout);
    expect(progress.katas['sequential-awaits']).toMatchObject({ status: 'solved', attempts: 2 });
  });

  it('the trainer opens a kata in such a workspace and checks it', { timeout: 60_000 }, async () => {
    const { home, env, ws } = setup();
    const terminal: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR']) delete terminal[name];
    session = startCli(['--workspace', ws, 'open', 'forgotten-await'], terminal, home, { cols: 120, rows: 40 });
    await session.waitFor('esc back');
    await new Promise((r) => setTimeout(r, 400));
    session.write('c');
    await session.waitFor(/tests pass/);
    expect(fs.existsSync(path.join(ws, 'forgotten-await.py'))).toBe(true);
    session.write('\u0003');
    expect(await session.exited).toBe(0);
  });
});
