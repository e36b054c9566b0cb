import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadKata } from '../../src/core/catalog.js';
import { runCheck } from '../../src/core/check.js';
import type { CheckResult } from '../../src/core/result.js';
import { createCheckScheduler, watchFile } from '../../src/core/watch.js';
import { FIXTURE_ROOT, tempDir, testPython, waitForFile, waitUntilDead } from '../helpers.js';

/** A stand-in for fs.watch on the folder: the test decides when events arrive. */
function fakeWatcher() {
  let emit: (event: string, filename: string | null) => void = () => {};
  const closed = { value: false };
  const watchDir = (_dir: string, listener: typeof emit) => {
    emit = listener;
    return { close: () => (closed.value = true) };
  };
  return { watchDir, emit: (name: string | null, event = 'change') => emit(event, name), closed };
}

/** Resolves with the first value pushed after now, or fails after a generous bound (not a timing assertion). */
function nextValue<T>(values: T[], boundMs = 10_000): Promise<T> {
  const seen = values.length;
  return vi.waitFor(
    () => {
      if (values.length <= seen) throw new Error('no change reported yet');
      return values[seen]!;
    },
    { timeout: boundMs, interval: 10 },
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchFile (debounce and content filter, with a fake watcher and fake timers)', () => {
  it('reports a burst of events once, after the debounce, with the final content', () => {
    vi.useFakeTimers();
    const file = path.join(tempDir(), 'kata.py');
    fs.writeFileSync(file, 'v0\n');
    const fake = fakeWatcher();
    const seen: string[] = [];
    const stop = watchFile(file, (c) => seen.push(c), { debounceMs: 100, watchDir: fake.watchDir });

    fs.writeFileSync(file, 'v1\n');
    fake.emit('kata.py');
    vi.advanceTimersByTime(60);
    fs.writeFileSync(file, 'v2\n');
    fake.emit('kata.py', 'rename');
    vi.advanceTimersByTime(60);
    expect(seen).toEqual([]); // 120 ms after the first event, but only 60 ms after the last
    vi.advanceTimersByTime(40);
    expect(seen).toEqual(['v2\n']);
    stop();
    expect(fake.closed.value).toBe(true);
  });

  it('ignores other files in the folder, unchanged content, and events after stop', () => {
    vi.useFakeTimers();
    const file = path.join(tempDir(), 'kata.py');
    fs.writeFileSync(file, 'same\n');
    const fake = fakeWatcher();
    const seen: string[] = [];
    const stop = watchFile(file, (c) => seen.push(c), { watchDir: fake.watchDir });

    fs.writeFileSync(file, 'changed\n');
    fake.emit('other.py');
    fake.emit('kata.py.swp');
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([]);

    fake.emit('kata.py');
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(['changed\n']);

    fake.emit('kata.py'); // saved again without a change
    vi.advanceTimersByTime(100);
    fs.writeFileSync(file, 'changed\n');
    fake.emit(null); // a platform that gives no file name
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(['changed\n']);

    fs.writeFileSync(file, 'after stop\n');
    fake.emit('kata.py');
    stop();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual(['changed\n']);
  });

  it('waits out a moment where the file is missing (delete, then rename into place)', () => {
    vi.useFakeTimers();
    const file = path.join(tempDir(), 'kata.py');
    fs.writeFileSync(file, 'old\n');
    const fake = fakeWatcher();
    const seen: string[] = [];
    watchFile(file, (c) => seen.push(c), { watchDir: fake.watchDir });
    fs.rmSync(file);
    fake.emit('kata.py', 'rename');
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([]);
    fs.writeFileSync(file, 'new\n');
    fake.emit('kata.py', 'rename');
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(['new\n']);
  });
});

describe('watchFile on the real file system', () => {
  it('sees a save by rename (as vim and most editors do) and a plain rewrite, once per new content', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kata.py');
    fs.writeFileSync(file, 'start\n');
    const seen: string[] = [];
    const stop = watchFile(file, (c) => seen.push(c), { debounceMs: 20 });
    try {
      const first = nextValue(seen);
      fs.writeFileSync(path.join(dir, 'kata.py.tmp'), 'by rename\n');
      fs.renameSync(path.join(dir, 'kata.py.tmp'), file);
      expect(await first).toBe('by rename\n');

      // Same content again, then a real change: the change must be the very next report.
      const second = nextValue(seen);
      fs.writeFileSync(file, 'by rename\n');
      fs.writeFileSync(path.join(dir, 'unrelated.txt'), 'x');
      await new Promise((r) => setTimeout(r, 100));
      fs.writeFileSync(file, 'rewritten\n');
      expect(await second).toBe('rewritten\n');
      expect(seen).toEqual(['by rename\n', 'rewritten\n']);
    } finally {
      stop();
    }
  });
});

describe('createCheckScheduler', () => {
  function deferred<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('aborts the check in flight when a newer one starts and reports only the newest result', async () => {
    const runs: { signal: AbortSignal; d: ReturnType<typeof deferred<string>> }[] = [];
    const results: string[] = [];
    const errors: unknown[] = [];
    const scheduler = createCheckScheduler(
      (signal) => {
        const d = deferred<string>();
        runs.push({ signal, d });
        return d.promise;
      },
      { onResult: (r) => results.push(r), onError: (e) => errors.push(e) },
    );
    scheduler.schedule();
    scheduler.schedule();
    expect(runs).toHaveLength(2);
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(runs[1]!.signal.aborted).toBe(false);
    expect(scheduler.running).toBe(true);

    runs[0]!.d.resolve('stale'); // a run that ignores its signal still must not be reported
    runs[1]!.d.resolve('fresh');
    await vi.waitFor(() => expect(results).toEqual(['fresh']));
    expect(scheduler.running).toBe(false);

    scheduler.schedule();
    runs[2]!.d.reject(new Error('harness broke'));
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    scheduler.schedule();
    scheduler.cancel();
    runs[3]!.d.reject(runs[3]!.signal.reason);
    await new Promise((r) => setImmediate(r));
    expect(errors).toHaveLength(1);
    expect(results).toEqual(['fresh']);
  });

  it('kills the real harness of a superseded check', async () => {
    const python = await testPython();
    const kata = loadKata('demo', FIXTURE_ROOT);
    const dir = tempDir();
    const hanging = path.join(dir, 'hang.py');
    const passing = path.join(dir, 'pass.py');
    fs.writeFileSync(hanging, '# fake: hang\n');
    fs.writeFileSync(passing, '# fake: pass\n');
    const files = [hanging, passing];
    const results: CheckResult[] = [];
    const scheduler = createCheckScheduler((signal) => runCheck({ kata, file: files.shift()!, python, signal, root: FIXTURE_ROOT }), (r) =>
      results.push(r),
    );
    scheduler.schedule();
    const sleeper = Number(await waitForFile(`${hanging}.pid`));
    scheduler.schedule();
    await vi.waitFor(() => expect(results).toHaveLength(1), { timeout: 30_000 });
    expect(results[0]!.status).toBe('pass');
    const dead = await waitUntilDead(sleeper);
    if (!dead) process.kill(sleeper, 'SIGKILL');
    expect(dead).toBe(true);
  });
});
