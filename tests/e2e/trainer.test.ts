// The real bundled CLI in a pseudo-terminal: what a learner does on day one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';
import { plain, startCli, type Session } from './pty.js';

let session: Session | undefined;
afterEach(() => {
  session?.pty.kill();
  session = undefined;
});

/**
 * Keys typed before a screen's input handler is attached (and the terminal is in raw mode) reach the
 * terminal's line discipline instead: a real learner never types that fast, a test does. Let it settle.
 */
/** How Ink's first write takes a replayed home frame away (ui/frame-cache.ts): up over it, clear below. */
const ERASE = /\r\u001b\[\d+A\u001b\[0J/;

const settled = () => new Promise((resolve) => setTimeout(resolve, 400));

function setup() {
  const cwd = tempDir('ak-e2e-');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASYNC_KATAS_CONFIG_DIR: path.join(cwd, 'config'),
    ASYNC_KATAS_CACHE_DIR: path.join(cwd, 'cache'),
  };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  return { cwd, env };
}

describe.skipIf(process.platform === 'win32')('trainer in a terminal', () => {
  it('solves forgotten-await with a saved fix, shows the explanation, and remembers it', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    const ws = path.join(cwd, 'ws');
    session = startCli(['--workspace', ws, 'open', 'forgotten-await'], env, cwd);
    await session.waitFor('The receipt that never arrived');
    await session.waitFor('Not checked yet');
    const file = path.join(ws, 'forgotten-await.py');
    expect(fs.readFileSync(file, 'utf8')).toContain('receipt = create_receipt(order_id)');

    // The learner's editor saves the fix; the app notices and checks by itself.
    fs.writeFileSync(file, fs.readFileSync(path.join(REPO, 'katas/python/forgotten-await/solution.py'), 'utf8'));
    await session.waitFor('Solved: The receipt that never arrived');
    await settled();
    const mark = session.text().length;
    session.write('\r');
    await session.waitFor('Why it works', 20_000, mark);
    session.write('\u0003');
    expect(await session.exited).toBe(0);

    const progress = JSON.parse(
      execFileSync(process.execPath, [path.join(REPO, 'bin/async-katas.js'), 'progress', '--json'], { env, cwd, encoding: 'utf8' }),
    );
    expect(progress.katas['forgotten-await']).toMatchObject({ status: 'solved', attempts: 1 });
  });

  it('stays responsive while a runaway file is checked, then shows its timeout', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    const ws = path.join(cwd, 'ws');
    session = startCli(['--workspace', ws, 'open', 'forgotten-await'], env, cwd, { cols: 120, rows: 40 });
    await session.waitFor('Not checked yet');
    await settled();
    const file = path.join(ws, 'forgotten-await.py');
    // Only the 8 s watchdog can stop this one: the line budget never sees a one-line loop.
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\nwhile True: pass\n`);
    await session.waitFor('checking your file');
    const mark = session.text().length;
    session.write('h');
    await session.waitFor('hint 1/3', 5_000, mark);
    expect(session.text().slice(mark)).toContain('checking your file');
    await session.waitFor(/never finishes \(an endless loop outside any function\?\)/, 30_000);
    session.write('\u0003');
    expect(await session.exited).toBe(0);
  });

  it('shows the saved home frame at once on the next start, and Ink draws over it in place', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    const args = ['--workspace', path.join(cwd, 'ws')];
    const start = async (size?: { cols: number; rows: number }) => {
      session = startCli(args, env, cwd, size);
      await session.waitFor('↑↓ choose');
      await settled();
      const raw = session.raw();
      session.write('q');
      expect(await session.exited).toBe(0);
      return raw;
    };

    const first = await start();
    expect(first).not.toMatch(ERASE);
    expect(fs.existsSync(path.join(cwd, 'cache', 'home-frame.json'))).toBe(true);

    // Replayed, then erased by Ink's first write, which draws the same screen again.
    const second = await start();
    const erase = second.search(ERASE);
    expect(erase).toBeGreaterThan(0);
    expect(second.slice(0, erase)).toContain('async-katas');
    expect(second.slice(erase)).toContain('async-katas');
    expect(second.match(new RegExp(ERASE.source, 'g'))).toHaveLength(1);

    // Another terminal size is another frame: nothing to replay.
    expect(await start({ cols: 90, rows: 30 })).not.toMatch(ERASE);
  });

  it('after solving a kata, the next start replays the home screen with that progress', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    const ws = path.join(cwd, 'ws');
    session = startCli(['--workspace', ws, 'open', 'forgotten-await'], env, cwd);
    await session.waitFor('Not checked yet');
    fs.writeFileSync(path.join(ws, 'forgotten-await.py'), fs.readFileSync(path.join(REPO, 'katas/python/forgotten-await/solution.py'), 'utf8'));
    await session.waitFor('Solved: The receipt that never arrived');
    await settled();
    session.write('\u0003');
    expect(await session.exited).toBe(0);

    session = startCli(['--workspace', ws], env, cwd);
    await session.waitFor('↑↓ choose');
    await settled();
    const raw = session.raw();
    const erase = raw.search(ERASE);
    expect(erase).toBeGreaterThan(0);
    expect(plain(raw.slice(0, erase))).toMatch(/1\/\d+ solved/);
    expect(plain(raw.slice(0, erase))).toContain('✓ The receipt that never arrived');
  });

  it('`quiz` opens quiz mode on the real questions and writes each answer at once', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    session = startCli(['--workspace', path.join(cwd, 'ws'), 'quiz'], env, cwd);
    await session.waitFor('Quiz · question 1 of 10');
    await settled();
    session.write('1');
    await session.waitFor(/Right\.|Not quite/);
    // Ctrl+C right after the answer: it is already in the progress file.
    session.write('\u0003');
    expect(await session.exited).toBe(0);
    const stored = JSON.parse(fs.readFileSync(path.join(cwd, 'config', 'progress.json'), 'utf8'));
    expect(Object.keys(stored.review)).toEqual(['forgotten-await#1']);
    expect(Object.values(stored.days)).toEqual([1]);
  });

  it('with NO_COLOR in a small terminal: no styling at all, and the kata screen still fits', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    session = startCli(['--workspace', path.join(cwd, 'ws'), 'open', 'blocking-sleep'], { ...env, NO_COLOR: '1' }, cwd, { cols: 60, rows: 16 });
    await session.waitFor('esc back');
    await settled();
    session.write('c');
    await session.waitFor(/tests pass/);
    // SGR sequences (colour, bold, underline) end in "m"; cursor movement does not.
    expect(session.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
    // Nor a hyperlink escape for the file path.
    expect(session.raw()).not.toContain('\u001b]8;;');
    session.write('\u0003');
    expect(await session.exited).toBe(0);
  });

  it('with TERM=dumb: says why there is no trainer and prints the kata list instead', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    session = startCli(['--workspace', path.join(cwd, 'ws')], env, cwd, { cols: 80, rows: 24, term: 'dumb' });
    expect(await session.exited).toBe(0);
    expect(plain(session.raw())).toContain("TERM=dumb: this terminal can't redraw a screen, so the trainer is off");
    expect(plain(session.raw())).toMatch(/sequential-awaits\s+One quote at a time\s+new/);
    // No escapes at all: no cursor movement, no colour; a dumb terminal would print them as garbage.
    expect(session.raw()).not.toContain('\u001b');
  });

  it('with CI set in the shell: draws frames anyway and says why CI is ignored', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    session = startCli(['--workspace', path.join(cwd, 'ws')], { ...env, CI: 'true' }, cwd, { cols: 120, rows: 30 });
    await session.waitFor('CI=true is set in this shell; the trainer ignores it');
    session.write('\u001b[B');
    await session.waitFor(/❯\s+· Hooks that never ran/);
    session.write('q');
    expect(await session.exited).toBe(0);
  });

  it('offers to create a workspace on first start, and Enter creates it', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    session = startCli([], env, cwd);
    await session.waitFor('There is no workspace here yet');
    await settled();
    session.write('\r');
    await session.waitFor('↑↓ choose');
    await settled();
    expect(fs.existsSync(path.join(cwd, 'async-katas', '.async-katas.json'))).toBe(true);
    session.write('q');
    expect(await session.exited).toBe(0);
  });

  it('Esc at the workspace question quits without creating anything', { timeout: 60_000 }, async () => {
    const { cwd, env } = setup();
    session = startCli([], env, cwd);
    await session.waitFor('There is no workspace here yet');
    await settled();
    session.write('\u001b');
    expect(await session.exited).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'async-katas'))).toBe(false);
  });
});
