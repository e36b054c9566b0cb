// Team packs: loading, namespacing, the errors a pack author meets, and where their files may go.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, UnknownKataError } from '../../src/core/catalog.js';
import { loadPack, loadPacks, packDirs } from '../../src/core/pack.js';
import { findAnyKata, loadAllKatas } from '../../src/core/sources.js';
import { createWorkspace, ensureKataFile, kataFilePath, WorkspaceError } from '../../src/core/workspace.js';
import { FIXTURE_ROOT, tempDir } from '../helpers.js';

const DEMO = path.join(FIXTURE_ROOT, 'katas', 'python', 'demo');

/** A pack folder holding copies of the fixture kata under the given folder names. */
function pack(name: string, katas: Record<string, Partial<{ order: number; level: number }>> = { demo: {} }, version = '1.2.0'): string {
  const dir = tempDir('ak-pack-');
  fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ name, version }));
  for (const [id, fields] of Object.entries(katas)) {
    fs.cpSync(DEMO, path.join(dir, id), { recursive: true });
    const file = path.join(dir, id, 'kata.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), id, ...fields }));
  }
  return dir;
}

describe('loadPack', () => {
  it('namespaces every kata by the pack name and keeps curriculum order', () => {
    const dir = pack('acme', { zeta: { order: 1 }, alpha: { order: 2 }, deep: { order: 1, level: 3 } });
    const loaded = loadPack(dir);
    expect(loaded.info).toEqual({ name: 'acme', version: '1.2.0', dir });
    expect(loaded.katas.map((k) => k.id)).toEqual(['acme/zeta', 'acme/alpha', 'acme/deep']);
    expect(loaded.katas[0]!.pack).toBe(loaded.info);
    expect(loaded.katas[0]!.files.starter).toBe(path.join(dir, 'zeta', 'starter.py'));
  });

  it('names the missing or broken pack.json and how to fix it', () => {
    const dir = pack('acme');
    fs.rmSync(path.join(dir, 'pack.json'));
    expect(() => loadPack(dir, 'team')).toThrow(/^team\/pack\.json: file is missing: a pack needs .*async-katas new/);
    fs.writeFileSync(path.join(dir, 'pack.json'), '{"name": "Acme Corp", "version": "one"}');
    expect(() => loadPack(dir, 'team')).toThrow(
      "team/pack.json: field 'name': must be lowercase letters, digits and single dashes (got \"Acme Corp\"); field 'version': must be a version like 1.0.0 (got \"one\")",
    );
    fs.writeFileSync(path.join(dir, 'pack.json'), '{"name": ');
    expect(() => loadPack(dir, 'team')).toThrow(/^team\/pack\.json: not valid JSON/);
    expect(() => loadPack(path.join(dir, 'nope'), 'nope')).toThrow('nope: no such folder');
  });

  it("names a broken kata's file inside the pack", () => {
    const dir = pack('acme', { good: {}, bad: {} });
    fs.writeFileSync(path.join(dir, 'bad', 'kata.json'), JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(dir, 'good', 'kata.json'), 'utf8')), id: 'bad', level: 9 }));
    let error: unknown;
    try {
      loadPack(dir, 'team');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toBe("team/bad/kata.json: field 'level': must be at most 5 (got 9)");
  });
});

describe('loadPacks and packDirs', () => {
  it('refuses two packs with one name, since their ids would collide', () => {
    const [a, b] = [pack('same'), pack('same')];
    expect(() => loadPacks([a, b])).toThrow(/the pack name 'same' is also used by the pack in .*rename one of them/);
    expect(loadPacks([a, pack('other')]).map((p) => p.info.name)).toEqual(['same', 'other']);
  });

  it('takes --pack folders first, then ASYNC_KATAS_PACKS, each once and absolute', () => {
    const env = { ASYNC_KATAS_PACKS: ['/p/env1', '', 'rel', '/p/one'].join(path.delimiter) };
    expect(packDirs(['/p/one', 'here'], env, '/cwd')).toEqual(['/p/one', '/cwd/here', '/p/env1', '/cwd/rel']);
    expect(packDirs(undefined, {}, '/cwd')).toEqual([]);
  });

  it('puts pack katas after the built-in catalogue', () => {
    const all = loadAllKatas([pack('acme')]);
    expect(all.at(-1)!.id).toBe('acme/demo');
    expect(all.filter((k) => !k.pack).length).toBe(all.length - 1);
  });
});

describe('findAnyKata', () => {
  it('finds a pack kata by its namespaced id, and says what to do when the pack is not loaded', () => {
    const dir = pack('acme');
    expect(findAnyKata('acme/demo', [dir]).pack?.name).toBe('acme');
    expect(() => findAnyKata('acme/demo', [])).toThrow("'acme/demo' is a kata of the pack 'acme', and no pack is loaded: pass --pack DIR");
    expect(() => findAnyKata('zzz/demo', [dir])).toThrow("unknown pack 'zzz' in 'zzz/demo'; the packs loaded are acme");
    expect(() => findAnyKata('acme/dmeo', [dir])).toThrow("did you mean 'acme/demo'");
  });

  it("suggests the pack's kata for its bare name", () => {
    let error: unknown;
    try {
      findAnyKata('demo', [pack('acme')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownKataError);
    expect((error as UnknownKataError).suggestion).toBe('acme/demo');
  });
});

describe('pack katas in the workspace', () => {
  it("copies the starter into the pack's subfolder of the workspace", () => {
    const ws = createWorkspace(tempDir('ak-ws-'));
    const kata = loadPack(pack('acme')).katas[0]!;
    const made = ensureKataFile(ws, kata);
    expect(made).toEqual({ path: path.join(ws.dir, 'acme', 'demo.py'), created: true });
    expect(fs.readFileSync(made.path, 'utf8')).toBe(fs.readFileSync(kata.files.starter, 'utf8'));
  });

  it('never places a file outside the workspace, whatever the id', () => {
    const ws = createWorkspace(tempDir('ak-ws-'));
    for (const id of ['../evil', 'a/../../evil', '/etc/evil']) {
      if (path.join(ws.dir, `${id}.py`).startsWith(`${ws.dir}${path.sep}`)) continue;
      expect(() => kataFilePath(ws, id)).toThrow(WorkspaceError);
    }
    expect(() => kataFilePath(ws, '../evil')).toThrow(/would put its file outside the workspace/);
  });
});

describe('pack files', () => {
  it('refuses a kata file that links outside the pack, before anything reads it', () => {
    const dir = pack('acme');
    const secret = path.join(tempDir(), 'id_rsa');
    fs.writeFileSync(secret, 'secret');
    fs.rmSync(path.join(dir, 'demo', 'starter.py'));
    fs.symlinkSync(secret, path.join(dir, 'demo', 'starter.py'));
    expect(() => loadPack(dir, 'team')).toThrow(`team/demo/starter.py: is a link to ${fs.realpathSync(secret)}, outside the pack (team)`);
    // A link inside the pack is the pack's own business.
    fs.rmSync(path.join(dir, 'demo', 'starter.py'));
    fs.symlinkSync(path.join(dir, 'demo', 'solution.py'), path.join(dir, 'demo', 'starter.py'));
    expect(loadPack(dir).katas).toHaveLength(1);
  });
});

describe('pack manifests and folders', () => {
  it('refuses a kata.json that is a link outside the pack before reading it', () => {
    const dir = pack('acme');
    fs.rmSync(path.join(dir, 'demo', 'kata.json'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'demo', 'kata.json'));
    expect(() => loadPack(dir, 'team')).toThrow('team/demo/kata.json: is a link to /dev/zero, outside the pack (team)');
  });
});
