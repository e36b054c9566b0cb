// `new`: a kata folder from the template, a pack.json when there is none, and clear refusals.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/core/pack.js';
import { scaffoldKata, ScaffoldError } from '../../src/core/scaffold.js';
import { FIXTURE_ROOT, tempDir } from '../helpers.js';

const TEMPLATE = path.join(FIXTURE_ROOT, 'katas', 'python', 'demo');

describe('scaffoldKata', () => {
  it('writes pack.json named after the folder, then katas that load, each placed after the last', () => {
    const dir = path.join(tempDir(), 'Team Katas');
    const first = scaffoldKata({ id: 'retry-loop', packDir: dir, templateDir: TEMPLATE });
    expect(first.createdPack).toEqual({ name: 'team-katas', version: '0.1.0', description: 'Katas for our team.' });
    expect(first.files).toContain('kata.json');
    expect(first.files).toContain('tests.py');
    const second = scaffoldKata({ id: 'second-one', packDir: dir, title: 'Second', templateDir: TEMPLATE });
    expect(second.createdPack).toBeUndefined();
    const pack = loadPack(dir);
    expect(pack.katas.map((k) => [k.id, k.title, k.order])).toEqual([
      ['team-katas/retry-loop', 'Retry loop', 10],
      ['team-katas/second-one', 'Second', 20],
    ]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a bad id, an existing folder and a broken pack.json, leaving nothing behind', () => {
    const dir = tempDir();
    expect(() => scaffoldKata({ id: 'Retry Loop', packDir: dir, templateDir: TEMPLATE })).toThrow(ScaffoldError);
    scaffoldKata({ id: 'x', packDir: dir, templateDir: TEMPLATE });
    expect(() => scaffoldKata({ id: 'x', packDir: dir, templateDir: TEMPLATE })).toThrow(/already exists/);
    fs.writeFileSync(path.join(dir, 'pack.json'), '{"name": "ok"}');
    expect(() => scaffoldKata({ id: 'y', packDir: dir, templateDir: TEMPLATE })).toThrow(/pack\.json: field 'version': is missing/);
    expect(fs.existsSync(path.join(dir, 'y'))).toBe(false);
  });
});
