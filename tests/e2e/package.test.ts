// The packed tarball, installed into an empty project the way `npx async-katas` gets it: only what runs
// is in it, it needs nothing else from the registry, and `list` and `check` work from there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

let files: string[] = [];
let project = '';

beforeAll(() => {
  const out = tempDir('ak-pack-out-');
  // dist/ is already built (npm test builds first); scripts off so packing does not rebuild under us.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], REPO)) as { filename: string; files: { path: string }[] }[];
  files = packed!.files.map((f) => f.path);
  project = tempDir('ak-pack-project-');
  fs.writeFileSync(path.join(project, 'package.json'), '{"name": "learner", "version": "1.0.0", "private": true}\n');
  npm(['install', '--no-package-lock', '--offline', path.join(out, packed!.filename)], project);
}, 120_000);

describe('the packed tarball', () => {
  it('holds only what runs: the launcher, the bundle, the harness, the katas, the template and the papers', () => {
    const top = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(top).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin', 'dist', 'harness', 'katas', 'package.json', 'templates']);
    expect(files.filter((f) => f.endsWith('.map') || f.includes('__pycache__') || f.endsWith('.ts'))).toEqual([]);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('harness/python/run.py');
    expect(files).toContain('katas/python/quiz-bank.json');
    expect(files).toContain('templates/kata/kata.json');
  });

  it('installs with no dependencies at all: the CLI is one bundle', () => {
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['async-katas']);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'async-katas', 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.engines.node).toBe('>=20');
  });

  it('runs `npx async-katas list` and a check from the installed package', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASYNC_KATAS_CONFIG_DIR: tempDir('ak-pack-config-'), ASYNC_KATAS_CACHE_DIR: tempDir('ak-pack-cache-') };
    delete env.ASYNC_KATAS_ROOT;
    const list = execFileSync('npx', ['--no-install', 'async-katas', 'list'], { cwd: project, env, encoding: 'utf8' });
    expect(list).toMatch(/sequential-awaits\s+One quote at a time\s+new/);
    const fix = path.join(project, 'my fix.py');
    fs.copyFileSync(path.join(project, 'node_modules', 'async-katas', 'katas', 'python', 'sequential-awaits', 'solution.py'), fix);
    const check = execFileSync('npx', ['--no-install', 'async-katas', 'check', 'sequential-awaits', '--file', fix, '--json'], { cwd: project, env, encoding: 'utf8' });
    expect(JSON.parse(check)).toMatchObject({ status: 'pass', kata: 'sequential-awaits' });
  });
});
