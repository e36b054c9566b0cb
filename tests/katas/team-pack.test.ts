// The example team pack and the kata template, proven like the built-in catalogue, on the machine's
// Python and the oldest CPython found; then the whole team-lead story through the built CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/core/pack.js';
import { validateKatas } from '../../src/core/validate.js';
import { runCli } from '../cli/run-cli.js';
import { installedInterpreters } from '../harness/interpreters.js';
import { pythonAt } from '../harness/run.js';
import { REPO, tempDir, testPython } from '../helpers.js';

const PACK = path.join(REPO, 'examples', 'team-pack');

const machine = await testPython();
const chosen = [{ version: machine.version, exe: machine.exe }, ...installedInterpreters().slice(0, 1)];
const interpreters = chosen.filter((i, n) => chosen.findIndex((j) => j.version === i.version) === n);

it('is a pack of at least two katas, namespaced by its name', () => {
  const pack = loadPack(PACK);
  expect(pack.info.name).toBe('team-pack');
  expect(pack.katas.length).toBeGreaterThanOrEqual(2);
  for (const kata of pack.katas) expect(kata.id).toMatch(/^team-pack\/[a-z0-9-]+$/);
});

describe.each(interpreters)('CPython $version', ({ exe }) => {
  it('validate finds the example pack sound, pack.json included', async () => {
    const report = await validateKatas({ python: await pythonAt(exe), root: PACK });
    expect(report.items.filter((i) => i.outcome === 'mismatch').map((i) => `${i.kata} ${i.subject}: ${i.detail}`)).toEqual([]);
    expect(report.items.find((i) => i.subject === 'pack.json')?.outcome).toBe('ok');
  });
});

describe('a team lead writes a pack, a newcomer works through it, the lead reads the report', () => {
  it('new, validate, --pack with the trust question answered, check, report', async () => {
    const cwd = tempDir('ak-lead-');
    const env = { ASYNC_KATAS_CONFIG_DIR: tempDir('ak-lead-config-') };
    const made = await runCli(['new', 'ping-both', '--pack', 'our-katas'], env, cwd);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Created the pack our-katas 0.1.0');
    expect(made.stdout).toContain('Prove it:  async-katas validate our-katas');

    const proven = await runCli(['validate', 'our-katas'], env, cwd);
    expect(proven.stdout).toMatch(/0 problems/);
    expect(proven.code).toBe(0);

    const ws = path.join(cwd, 'newcomer');
    const refused = await runCli(['check', 'our-katas/ping-both', '--pack', 'our-katas', '--workspace', ws], env, cwd);
    expect(refused.code).toBe(2);
    const starter = await runCli(['check', 'our-katas/ping-both', '--pack', 'our-katas', '--workspace', ws, '--trust-packs'], env, cwd);
    expect(starter.code).toBe(1);
    fs.copyFileSync(path.join(cwd, 'our-katas', 'ping-both', 'solution.py'), path.join(ws, 'our-katas', 'ping-both.py'));
    const solved = await runCli(['check', 'our-katas/ping-both', '--pack', 'our-katas', '--workspace', ws], env, cwd);
    expect(solved.code).toBe(0);

    const report = await runCli(['report', '--format', 'json', '--name', 'New Person', '--pack', 'our-katas'], env, cwd);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout);
    expect(json.name).toBe('New Person');
    expect(json.katas['our-katas/ping-both']).toMatchObject({ status: 'solved', attempts: 2, pack: 'our-katas@0.1.0' });
    expect(report.stdout).not.toContain(cwd);
  }, 60_000);
});
