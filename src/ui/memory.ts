// The trainer is idle most of the time, but each redraw allocates quickly. Left alone, V8 answers that
// by growing the young generation to 16 MB semi-spaces (+32 MB of RSS for good) and letting the old
// generation fill before collecting. So the young generation does not grow (measured: no start-up
// cost), and a full collection runs once things go quiet. Flags set at run time: a bin script can't
// pass node flags portably.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;
let timer: NodeJS.Timeout | undefined;
let waitingSince: number | undefined;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * A full collection `delayMs` after the last call: after a verdict is drawn, not while drawing it. When
 * calls keep coming (saves in quick succession), it runs anyway once one has waited `maxWaitMs`.
 */
export function collectWhenIdle(delayMs = 300, maxWaitMs = 1000): void {
  const now = Date.now();
  waitingSince ??= now;
  clearTimeout(timer);
  const due = Math.max(0, Math.min(delayMs, waitingSince + maxWaitMs - now));
  timer = setTimeout(() => {
    waitingSince = undefined;
    collectNow();
  }, due);
  timer.unref();
}

/** A full collection on the next turn: while a check's Python process works, Node only waits anyway. */
export function collectWhileWaiting(): void {
  setImmediate(collectNow);
}

function collectNow(): void {
  gc ??= exposeGc();
  gc();
}

function exposeGc(): () => void {
  // --expose-gc set at run time applies to contexts created afterwards: a fresh one hands it over.
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
