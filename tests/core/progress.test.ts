import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptyProgress, openProgress, ProgressError } from '../../src/core/progress.js';
import { tempDir } from '../helpers.js';

function open(dir = tempDir('ak-progress-')) {
  return { dir, ...openProgress({ configDir: dir }) };
}

function backups(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => /^progress\.corrupt-.+\.json$/.test(n));
}

describe('progress store', () => {
  it('keeps quiz mode\'s spaced-repetition cards across restarts; reset --all clears them', () => {
    const { dir, store } = open();
    expect(store.review()).toEqual({});
    const now = new Date('2026-11-24T10:00:00.000Z');
    expect(store.recordReview('bank:gil', true, now)).toEqual({ box: 2, due: '2026-11-25T10:00:00.000Z', seen: 1, correct: 1 });
    store.recordReview('bank:gil', true, now);
    store.recordReview('forgotten-await#1', false, now);
    const again = openProgress({ configDir: dir }).store;
    expect(again.review()).toMatchObject({ 'bank:gil': { box: 3, seen: 2 }, 'forgotten-await#1': { box: 1, correct: 0 } });
    again.resetAll();
    expect(again.review()).toEqual({});
  });

  it('counts what was done per local day: checks, hints, quiz answers and review answers', () => {
    const dir = tempDir('ak-progress-days-');
    // Local times: the day key is the learner's calendar day, whatever the time zone.
    let now = new Date(2026, 10, 24, 23, 50);
    const { store } = openProgress({ configDir: dir, now: () => now });
    expect(store.days()).toEqual({});
    store.recordCheck('demo', 'fail');
    store.recordHint('demo', 1);
    store.recordQuizAnswer('demo', 0, 1, true);
    now = new Date(2026, 10, 25, 0, 10);
    store.recordReview('bank:gil', false);
    store.recordCheck('demo', 'pass');
    expect(store.days()).toEqual({ '2026-11-24': 3, '2026-11-25': 2 });
    expect(openProgress({ configDir: dir }).store.days()).toEqual({ '2026-11-24': 3, '2026-11-25': 2 });
    // Reading changes nothing; reset --all forgets the days too.
    store.get('demo');
    expect(store.days()['2026-11-25']).toBe(2);
    store.resetAll();
    expect(store.days()).toEqual({});
  });

  it('reads a store written before practice days existed, and rejects a malformed day', () => {
    const dir = tempDir('ak-progress-nodays-');
    fs.writeFileSync(path.join(dir, 'progress.json'), '{"schemaVersion":1,"katas":{},"review":{}}');
    const { store, warning } = openProgress({ configDir: dir });
    expect(warning).toBeUndefined();
    expect(store.days()).toEqual({});
    const bad = tempDir('ak-progress-badday-');
    fs.writeFileSync(path.join(bad, 'progress.json'), '{"schemaVersion":1,"katas":{},"days":{"yesterday":1}}');
    expect(openProgress({ configDir: bad }).warning).toMatch(/moved to/);
  });

  it('reads a store written before quiz mode existed, at the same schema version', () => {
    const dir = tempDir('ak-progress-old-');
    fs.writeFileSync(path.join(dir, 'progress.json'), '{"schemaVersion":1,"katas":{}}');
    const { store, warning } = openProgress({ configDir: dir });
    expect(warning).toBeUndefined();
    expect(store.review()).toEqual({});
  });

  it('starts with every kata new, and writes nothing until something is recorded', () => {
    const { dir, store, warning } = open();
    expect(warning).toBeUndefined();
    expect(store.get('demo')).toEqual(emptyProgress());
    expect(store.all()).toEqual({});
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(store.path).toBe(path.join(dir, 'progress.json'));
  });

  it('uses ASYNC_KATAS_CONFIG_DIR when no folder is given', () => {
    const dir = tempDir('ak-progress-env-');
    const { store } = openProgress({ env: { ASYNC_KATAS_CONFIG_DIR: dir } });
    expect(store.path).toBe(path.join(dir, 'progress.json'));
  });

  it('counts checks; a pass solves the kata for good and keeps the first solve time', () => {
    const { store } = open();
    expect(store.recordCheck('demo', 'fail')).toMatchObject({ status: 'attempted', attempts: 1, firstSolvedAt: null });
    expect(store.recordCheck('demo', 'error').status).toBe('attempted');
    const solved = store.recordCheck('demo', 'pass');
    expect(solved).toMatchObject({ status: 'solved', attempts: 3 });
    expect(solved.firstSolvedAt).toBe(solved.lastCheckedAt);
    const later = store.recordCheck('demo', 'fail');
    expect(later).toMatchObject({ status: 'solved', attempts: 4, firstSolvedAt: solved.firstSolvedAt });
    expect(store.recordCheck('demo', 'pass').firstSolvedAt).toBe(solved.firstSolvedAt);
  });

  it('keeps the highest hint tier (0-3) and the latest answer per quiz question', () => {
    const { store } = open();
    store.recordHint('demo', 2);
    store.recordHint('demo', 1);
    expect(store.get('demo').hintsUsed).toBe(2);
    store.recordHint('demo', 9);
    expect(store.get('demo')).toMatchObject({ hintsUsed: 3, status: 'new', attempts: 0 });
    store.recordQuizAnswer('demo', 0, 2, false);
    store.recordQuizAnswer('demo', 0, 1, true);
    store.recordQuizAnswer('demo', 1, 0, false);
    expect(store.get('demo').quiz).toEqual({ 0: { choice: 1, correct: true }, 1: { choice: 0, correct: false } });
  });

  it('survives a restart, and reset forgets one kata or all', () => {
    const { dir, store } = open();
    store.recordCheck('a', 'pass');
    store.recordCheck('b', 'fail');
    const again = openProgress({ configDir: dir }).store;
    expect(again.get('a').status).toBe('solved');
    expect(Object.keys(again.all()).sort()).toEqual(['a', 'b']);
    again.reset('a');
    expect(store.get('a')).toEqual(emptyProgress());
    expect(store.get('b').status).toBe('attempted');
    again.resetAll();
    expect(store.all()).toEqual({});
  });

  it('re-reads before each update, so two open stores do not undo each other', () => {
    const { dir, store: one } = open();
    const two = openProgress({ configDir: dir }).store;
    one.recordCheck('a', 'fail');
    two.recordCheck('b', 'pass');
    one.recordHint('a', 1);
    expect(two.get('a')).toMatchObject({ attempts: 1, hintsUsed: 1 });
    expect(one.get('b').status).toBe('solved');
  });

  it('carries a schema version on disk', () => {
    const { store } = open();
    store.recordCheck('demo', 'fail');
    const data = JSON.parse(fs.readFileSync(store.path, 'utf8')) as Record<string, unknown>;
    expect(data.schemaVersion).toBe(1);
    expect(Object.keys(data.katas as object)).toEqual(['demo']);
  });
});

describe('a store that cannot be used', () => {
  it.each([
    ['invalid JSON', '{"schemaVersion": 1, "katas": {', /not valid JSON/],
    ['another schema version', '{"schemaVersion": 2, "katas": {}}', /schema version 2 is not 1/],
    ['the wrong shape', '{"schemaVersion": 1, "katas": {"demo": {"status": "great"}}}', /does not have the expected shape/],
    ['no schema version', '{"katas": {}}', /does not have the expected shape/],
    ['a truncated file', '{"schemaVersion": 1, "katas": {"demo": {"status": "solved", "attempts": 3, "hintsU', /not valid JSON/],
    ['a wrongly-typed field', '{"schemaVersion": 1, "katas": {"demo": {"status": "solved", "attempts": "3", "hintsUsed": 0, "firstSolvedAt": null, "lastCheckedAt": null, "quiz": {}}}}', /does not have the expected shape/],
    ['an empty file', '', /not valid JSON|does not have the expected shape/],
  ])('with %s is moved aside with a warning, never wiped', (_what, content, problem) => {
    const dir = tempDir('ak-progress-bad-');
    const file = path.join(dir, 'progress.json');
    fs.writeFileSync(file, content);
    const { store, warning } = openProgress({ configDir: dir });
    const [backup] = backups(dir);
    expect(backup).toBeDefined();
    expect(fs.readFileSync(path.join(dir, backup!), 'utf8')).toBe(content);
    expect(warning).toMatch(problem);
    expect(warning).toContain(`it was moved to ${path.join(dir, backup!)}`);
    expect(warning).toContain(file);
    expect(store.get('demo')).toEqual(emptyProgress());
    store.recordCheck('demo', 'pass');
    expect(openProgress({ configDir: dir }).warning).toBeUndefined();
  });

  it('found corrupt after opening is moved aside too, and reported through onWarning', () => {
    const dir = tempDir('ak-progress-late-');
    const warnings: string[] = [];
    const { store } = openProgress({ configDir: dir, onWarning: (w) => warnings.push(w) });
    store.recordCheck('demo', 'pass');
    fs.writeFileSync(store.path, 'garbage');
    expect(store.get('demo').status).toBe('new');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not valid JSON/);
    expect(backups(dir)).toHaveLength(1);
  });

  it('that cannot even be moved aside is a ProgressError naming the file and the way out', () => {
    const dir = tempDir('ak-progress-stuck-');
    fs.writeFileSync(path.join(dir, 'progress.json'), '{');
    const rename = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    });
    try {
      expect(() => openProgress({ configDir: dir })).toThrow(ProgressError);
      expect(() => openProgress({ configDir: dir })).toThrow(
        /progress\.json cannot be used \(not valid JSON.*could not be moved aside \(EROFS\).*ASYNC_KATAS_CONFIG_DIR/,
      );
    } finally {
      rename.mockRestore();
    }
    expect(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8')).toBe('{');
  });
});
