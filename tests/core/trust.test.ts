// Trusting a pack: asked once per folder, remembered beside the progress file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustFile, trustPacks, untrustedPacks } from '../../src/core/trust.js';
import { tempDir } from '../helpers.js';

function setup() {
  const env = { ASYNC_KATAS_CONFIG_DIR: tempDir('ak-trust-config-') };
  const dir = tempDir('ak-trust-pack-');
  return { env, pack: { name: 'acme', version: '1.0.0', dir } };
}

describe('pack trust', () => {
  it('is remembered for the folder, and another spelling or a symlink of it is the same folder', () => {
    const { env, pack } = setup();
    expect(untrustedPacks([pack], env)).toEqual([pack]);
    trustPacks([pack], env, new Date('2026-01-02T03:04:05Z'));
    expect(untrustedPacks([pack], env)).toEqual([]);
    const link = path.join(tempDir(), 'link');
    fs.symlinkSync(pack.dir, link);
    expect(untrustedPacks([{ ...pack, dir: link }, { ...pack, dir: `${pack.dir}/.` }], env)).toEqual([]);
    const saved = JSON.parse(fs.readFileSync(trustFile(env), 'utf8'));
    expect(saved.packs[fs.realpathSync(pack.dir)]).toEqual({ name: 'acme', version: '1.0.0', trustedAt: '2026-01-02T03:04:05.000Z' });
  });

  it('asks again for a pack in another folder, even with the same name', () => {
    const { env, pack } = setup();
    trustPacks([pack], env);
    const elsewhere = { ...pack, dir: tempDir('ak-trust-other-') };
    expect(untrustedPacks([pack, elsewhere, elsewhere], env)).toEqual([elsewhere]);
  });

  it('treats an unreadable trust file as trusting nothing, and writes a good one after', () => {
    const { env, pack } = setup();
    fs.mkdirSync(path.dirname(trustFile(env)), { recursive: true });
    fs.writeFileSync(trustFile(env), '{"version": 1, "packs": ');
    expect(untrustedPacks([pack], env)).toEqual([pack]);
    trustPacks([pack], env);
    expect(untrustedPacks([pack], env)).toEqual([]);
    expect(fs.readdirSync(path.dirname(trustFile(env))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
