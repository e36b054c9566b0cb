// Team packs through the built CLI: --pack and ASYNC_KATAS_PACKS, the trust question, namespaced ids.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, tempDir } from '../helpers.js';
import { ptyCli } from './pty-cli.js';
import { runCli } from './run-cli.js';

const DEMO = path.join(FIXTURE_ROOT, 'katas', 'python', 'demo');

function setup() {
  const config = tempDir('ak-pack-config-');
  const cwd = tempDir('ak-pack-cwd-');
  const pack = path.join(cwd, 'team pack'); // a space, as real folders have
  fs.mkdirSync(pack);
  fs.writeFileSync(path.join(pack, 'pack.json'), JSON.stringify({ name: 'acme', version: '2.1.0' }));
  fs.cpSync(DEMO, path.join(pack, 'retry'), { recursive: true });
  const manifest = path.join(pack, 'retry', 'kata.json');
  fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, 'utf8')), id: 'retry', title: 'Retry politely' }));
  const ws = path.join(cwd, 'ws');
  return { cwd, config, pack, ws, env: { ASYNC_KATAS_ROOT: FIXTURE_ROOT, ASYNC_KATAS_CONFIG_DIR: config } };
}

describe('--pack', () => {
  it('lists the pack as its own section, with namespaced ids, from the flag or ASYNC_KATAS_PACKS', async () => {
    const { cwd, pack, env } = setup();
    const run = await runCli(['list', '--pack', pack], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Pack acme 2\.1\.0\n\s+1\s+acme\/retry\s+Retry politely\s+new/);
    expect(run.stdout).toContain('0 of 3 solved.');
    const json = await runCli(['list', '--json'], { ...env, ASYNC_KATAS_PACKS: pack }, cwd);
    expect(JSON.parse(json.stdout).map((k: { id: string; pack: unknown }) => [k.id, k.pack])).toEqual([
      ['demo', null],
      ['needs-newer', null],
      ['acme/retry', { name: 'acme', version: '2.1.0' }],
    ]);
  });

  it('names a broken pack and the fix, with exit 2', async () => {
    const { cwd, pack, env } = setup();
    fs.rmSync(path.join(pack, 'pack.json'));
    const run = await runCli(['list', '--pack', 'team pack'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'async-katas: team pack/pack.json: file is missing: a pack needs {"name": "...", "version": "1.0.0"} here (async-katas new <kata-id> --pack DIR writes one)\n',
    );
  });
});

describe('trusting a pack', () => {
  it('without a terminal: refuses a new pack before copying or running anything, and says how to trust it', async () => {
    const { cwd, pack, ws, env } = setup();
    const run = await runCli(['check', 'acme/retry', '--pack', pack, '--workspace', ws], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the pack 'acme' 2\.1\.0 \(team pack\) is new here and its hidden tests are Python code .* pass --trust-packs once/);
    expect(fs.existsSync(path.join(ws, 'acme'))).toBe(false);
    const json = await runCli(['check', 'acme/retry', '--pack', pack, '--workspace', ws, '--json'], env, cwd);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'error', kata: 'acme/retry' });
  });

  it('--trust-packs trusts it once for its folder; checks then record progress under the namespaced id', async () => {
    const { cwd, pack, ws, env } = setup();
    const first = await runCli(['check', 'acme/retry', '--pack', pack, '--workspace', ws, '--trust-packs'], env, cwd);
    expect(first.code).toBe(1); // the starter fails
    expect(first.stderr).toContain(`created ${path.join('ws', 'acme', 'retry.py')} from the kata's starter`);
    // The command to check again keeps the pack.
    expect(first.stdout).toContain(`async-katas check acme/retry --pack '${pack}' --workspace ${ws}`);
    fs.writeFileSync(path.join(ws, 'acme', 'retry.py'), '# fake: pass\n');
    const again = await runCli(['check', 'acme/retry', '--workspace', ws], { ...env, ASYNC_KATAS_PACKS: pack }, cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('PASS  all 1 test passed.');
    const progress = JSON.parse((await runCli(['progress', '--json', '--pack', pack], env, cwd)).stdout);
    expect(progress.katas['acme/retry']).toMatchObject({ status: 'solved', attempts: 2 });
  });

  it('on a terminal: asks once; no leaves everything as it was, yes is remembered', async () => {
    const { cwd, pack, ws, env } = setup();
    const no = ptyCli(['check', 'acme/retry', '--pack', pack, '--workspace', ws], env, cwd);
    await no.waitFor('Trust it and remember its folder? [y/N]');
    expect(no.output()).toContain("The pack 'acme' 2.1.0 (team pack) is new on this machine");
    no.write('n\r');
    expect(await no.exited).toBe(1);
    expect(no.output()).toContain('Not trusted: nothing from it was run.');
    expect(fs.existsSync(path.join(ws, 'acme'))).toBe(false);

    const yes = ptyCli(['check', 'acme/retry', '--pack', pack, '--workspace', ws], env, cwd);
    await yes.waitFor('[y/N]');
    yes.write('y\r');
    expect(await yes.exited).toBe(1); // checked: the starter fails
    const third = await runCli(['check', 'acme/retry', '--pack', pack, '--workspace', ws], env, cwd);
    expect(third.code).toBe(1);
    expect(third.stderr).not.toContain('is new here');
  });
});
