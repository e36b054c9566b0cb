// The real Services where quiz mode and the dashboard reach the disk: the question pool and reset-all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, loadQuiz, loadQuizBank } from '../../src/core/catalog.js';
import { openProgress } from '../../src/core/progress.js';
import type { PythonInfo } from '../../src/core/python.js';
import { createWorkspace, ensureKataFile } from '../../src/core/workspace.js';
import { createServices } from '../../src/ui/create-services.js';
import { DeferredProgress } from '../../src/ui/deferred-progress.js';
import { tempDir } from '../helpers.js';

function services() {
  const katas = loadCatalog().slice(0, 3);
  const workspace = createWorkspace(tempDir('ak-services-ws-'));
  const store = new DeferredProgress({ katas: {} });
  store.attach(openProgress({ configDir: tempDir('ak-services-config-') }).store);
  // No check runs here, so no interpreter is needed.
  const python = { executable: 'python3', version: '3.11.0' } as unknown as PythonInfo;
  return { katas, workspace, store, services: createServices({ katas, workspace, python, store, onEditorReturn: () => {}, onNotice: () => () => {} }) };
}

describe('createServices', () => {
  it("pools every kata's quiz, then the bank, read once", () => {
    const { katas, services: s } = services();
    const pool = s.quizPool();
    const own = katas.reduce((n, k) => n + loadQuiz(k).questions.length, 0);
    expect(pool).toHaveLength(own + loadQuizBank().questions.length);
    expect(pool[0]!.id).toBe(`${katas[0]!.id}#1`);
    expect(s.quizPool()).toBe(pool);
  });

  it('records a review answer with its day, and reset-all puts existing files back with .bak and clears everything', () => {
    const { katas, workspace, store, services: s } = services();
    s.recordReview(`${katas[0]!.id}#1`, true);
    s.recordCheck(katas[0]!.id, 'fail');
    expect(Object.keys(s.reviewState())).toEqual([`${katas[0]!.id}#1`]);
    expect(Object.values(s.practiceDays())).toEqual([2]);
    const file = ensureKataFile(workspace, katas[0]!).path;
    fs.writeFileSync(file, '# my attempt\n');
    expect(s.resetAll()).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(katas[0]!.files.starter, 'utf8'));
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe('# my attempt\n');
    // Katas never opened have no file, and get none.
    expect(fs.existsSync(path.join(workspace.dir, `${katas[1]!.id}.py`))).toBe(false);
    expect(s.reviewState()).toEqual({});
    expect(s.practiceDays()).toEqual({});
    expect(store.get(katas[0]!.id).attempts).toBe(0);
  });
});

describe('a progress file that cannot be written', () => {
  it('costs a notice, never the session', () => {
    const katas = loadCatalog().slice(0, 1);
    const workspace = createWorkspace(tempDir('ak-services-ws-'));
    const config = tempDir('ak-services-config-');
    const store = new DeferredProgress({ katas: {} });
    store.attach(openProgress({ configDir: config }).store);
    const warnings: string[] = [];
    const python = { executable: 'python3', version: '3.11.0' } as unknown as PythonInfo;
    const s = createServices({ katas, workspace, python, store, onEditorReturn: () => {}, onNotice: () => () => {}, warn: (w) => warnings.push(w) });
    // Another process holds the lock and is alive (our parent): the write gives up after its timeout.
    fs.writeFileSync(path.join(config, 'progress.json.lock'), `${process.ppid}\n`);
    expect(() => s.recordCheck(katas[0]!.id, 'pass')).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^progress not saved: .*progress\.json\.lock has been held by process \d+ for too long/);
  }, 20_000);
});
