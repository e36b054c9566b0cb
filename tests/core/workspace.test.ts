import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createWorkspace,
  defaultWorkspaceDir,
  ensureKataFile,
  findWorkspace,
  kataFilePath,
  MANIFEST_NAME,
  resetKataFile,
  WorkspaceError,
} from '../../src/core/workspace.js';
import { tempDir } from '../helpers.js';

function fakeKata(id = 'demo', starter = 'broken = True\n') {
  const file = path.join(tempDir('ak-kata-'), 'starter.py');
  fs.writeFileSync(file, starter);
  return { id, files: { starter: file } };
}

describe('createWorkspace / findWorkspace', () => {
  it('creates the folder and a versioned manifest, and finds it from a subfolder', () => {
    const root = tempDir();
    const ws = createWorkspace(path.join(root, 'a', 'ws'));
    const manifest = JSON.parse(fs.readFileSync(path.join(ws.dir, MANIFEST_NAME), 'utf8')) as Record<string, unknown>;
    expect(manifest.version).toBe(1);
    expect(Number.isNaN(Date.parse(String(manifest.created)))).toBe(false);
    const deep = path.join(ws.dir, 'x', 'y');
    fs.mkdirSync(deep, { recursive: true });
    expect(findWorkspace(deep)).toEqual(ws);
  });

  it('is idempotent: a second create keeps the first manifest', () => {
    const dir = path.join(tempDir(), 'ws');
    const first = createWorkspace(dir);
    fs.writeFileSync(path.join(dir, 'mine.py'), 'x = 1\n');
    const second = createWorkspace(dir);
    expect(second.manifest.created).toBe(first.manifest.created);
    expect(fs.readFileSync(path.join(dir, 'mine.py'), 'utf8')).toBe('x = 1\n');
  });

  it('finds nothing where there is no workspace, and finds ./async-katas below the start folder', () => {
    const root = tempDir();
    expect(findWorkspace(root)).toBeUndefined();
    const ws = createWorkspace(defaultWorkspaceDir(root));
    expect(ws.dir).toBe(path.join(root, 'async-katas'));
    expect(findWorkspace(root)?.dir).toBe(ws.dir);
  });

  it('explains a manifest with invalid JSON or an unknown version, naming the file', () => {
    const dir = tempDir();
    const file = path.join(dir, MANIFEST_NAME);
    fs.writeFileSync(file, '{"version": 1,');
    expect(() => findWorkspace(dir)).toThrow(WorkspaceError);
    expect(() => findWorkspace(dir)).toThrow(`${file}: not valid JSON`);
    expect(() => createWorkspace(dir)).toThrow(/delete it and run async-katas there again/);
    fs.writeFileSync(file, '{"version": 7, "created": "x"}');
    expect(() => findWorkspace(dir)).toThrow(/version 7 is newer than this async-katas understands \(1\); update async-katas/);
    fs.writeFileSync(file, '{"version": "1"}');
    expect(() => findWorkspace(dir)).toThrow(/unknown workspace format version "1"/);
  });

  it('refuses a file where the folder should be', () => {
    const file = path.join(tempDir(), 'taken');
    fs.writeFileSync(file, '');
    expect(() => createWorkspace(file)).toThrow(/exists and is not a folder/);
  });
});

describe('kata files', () => {
  it('copies the starter once and never overwrites the learner file', () => {
    const ws = createWorkspace(tempDir());
    const kata = fakeKata();
    const first = ensureKataFile(ws, kata);
    expect(first).toEqual({ path: kataFilePath(ws, 'demo'), created: true });
    expect(first.path).toBe(path.join(ws.dir, 'demo.py'));
    expect(fs.readFileSync(first.path, 'utf8')).toBe('broken = True\n');
    fs.writeFileSync(first.path, 'fixed = True\n');
    expect(ensureKataFile(ws, kata)).toEqual({ path: first.path, created: false });
    expect(fs.readFileSync(first.path, 'utf8')).toBe('fixed = True\n');
  });

  it('reset writes the starter and keeps what was there in .bak; an older different .bak is kept too', () => {
    const ws = createWorkspace(tempDir());
    const kata = fakeKata();
    const file = ensureKataFile(ws, kata).path;
    fs.writeFileSync(file, 'attempt one\n');
    expect(resetKataFile(ws, kata)).toEqual({ path: file, backup: `${file}.bak` });
    expect(fs.readFileSync(file, 'utf8')).toBe('broken = True\n');
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('attempt one\n');

    fs.writeFileSync(file, 'attempt two\n');
    resetKataFile(ws, kata);
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('attempt two\n');
    const rotated = fs.readdirSync(ws.dir).filter((n) => n.startsWith('demo.py.bak-'));
    expect(rotated).toHaveLength(1);
    expect(fs.readFileSync(path.join(ws.dir, rotated[0]!), 'utf8')).toBe('attempt one\n');
  });

  it('reset of an untouched or missing file makes no backup', () => {
    const ws = createWorkspace(tempDir());
    const kata = fakeKata();
    expect(resetKataFile(ws, kata)).toEqual({ path: kataFilePath(ws, 'demo') });
    expect(resetKataFile(ws, kata)).toEqual({ path: kataFilePath(ws, 'demo') });
    expect(fs.existsSync(`${kataFilePath(ws, 'demo')}.bak`)).toBe(false);
  });
});
