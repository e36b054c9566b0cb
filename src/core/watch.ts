// Re-check on save: watch the learner's file, and run one check at a time with the newest content.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface WatchOptions {
  debounceMs?: number;
  /** The content the caller already shows. A save between reading it and the watch starting is then
   * reported at once instead of lost. Without it, the content at start counts as seen. */
  since?: string;
  /** Called when watching itself fails (the folder was removed...); watching has stopped then. */
  onError?: (error: Error) => void;
  /** For tests: stands in for fs.watch on the folder. */
  watchDir?: (dir: string, listener: (event: string, filename: string | null) => void) => { close(): void; on?(event: 'error', cb: (e: Error) => void): unknown };
}

/**
 * Calls onChange(content) after the file's content changes: events are debounced (an editor's save is
 * several events) and content equal to the last seen (initially the content at start) is not reported.
 * The folder is watched, not the file: editors save by writing a new file and renaming it over the old
 * one, which ends a watch on the old file. Returns stop().
 */
export function watchFile(file: string, onChange: (content: string) => void, options: WatchOptions = {}): () => void {
  const { debounceMs = 100 } = options;
  const abs = path.resolve(file);
  const name = path.basename(abs);
  let lastHash = hashOf(options.since ?? readOrUndefined(abs));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const settle = () => {
    timer = undefined;
    if (stopped) return;
    const content = readOrUndefined(abs);
    // Missing: between an editor's delete and rename; the rename brings another event.
    if (content === undefined) return;
    const hash = hashOf(content);
    if (hash === lastHash) return;
    lastHash = hash;
    onChange(content);
  };
  const listener = (_event: string, filename: string | null) => {
    // Some platforms give no file name: then any change in the folder may be ours.
    if (filename !== null && filename !== name) return;
    clearTimeout(timer);
    timer = setTimeout(settle, debounceMs);
  };

  const watchDir = options.watchDir ?? ((dir, cb) => fs.watch(dir, { persistent: true }, (e, f) => cb(e, f === null ? null : String(f))));
  const watcher = watchDir(path.dirname(abs), listener);
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    watcher.close();
  };
  watcher.on?.('error', (error) => {
    stop();
    options.onError?.(error);
  });
  if (options.since !== undefined) settle();
  return stop;
}

export interface CheckScheduler {
  /** Starts a check now, aborting the one in flight (its result is dropped). */
  schedule(): void;
  /** Aborts the check in flight, if any, and drops its result. */
  cancel(): void;
  readonly running: boolean;
}

export interface CheckSchedulerHandlers<T> {
  onResult(result: T): void;
  /** An error of the newest check (never the rejection caused by aborting an older one). */
  onError?(error: unknown): void;
  onStart?(): void;
}

/**
 * One check at a time, always the newest: `run` gets an AbortSignal that fires when a newer change
 * arrives (runCheck then kills its harness). Only the newest run's outcome is reported.
 */
export function createCheckScheduler<T>(
  run: (signal: AbortSignal) => Promise<T>,
  on: CheckSchedulerHandlers<T> | ((result: T) => void),
): CheckScheduler {
  const handlers: CheckSchedulerHandlers<T> = typeof on === 'function' ? { onResult: on } : on;
  let current: AbortController | undefined;
  const cancel = () => {
    current?.abort(new Error('superseded by a newer check'));
    current = undefined;
  };
  return {
    schedule() {
      cancel();
      const controller = new AbortController();
      current = controller;
      handlers.onStart?.();
      const isCurrent = () => current === controller && !controller.signal.aborted;
      let started: Promise<T>;
      try {
        started = run(controller.signal);
      } catch (error) {
        started = Promise.reject(error);
      }
      started.then(
        (result) => {
          if (!isCurrent()) return;
          current = undefined;
          handlers.onResult(result);
        },
        (error: unknown) => {
          if (!isCurrent()) return;
          current = undefined;
          handlers.onError?.(error);
        },
      );
    },
    cancel,
    get running() {
      return current !== undefined;
    },
  };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function hashOf(content: string | undefined): string | undefined {
  return content === undefined ? undefined : createHash('sha1').update(content).digest('hex');
}
