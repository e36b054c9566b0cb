// The trainer is idle most of the time, but each redraw allocates quickly. Left alone, V8 answers that
// by growing the young generation to 16 MB semi-spaces (+32 MB of RSS for good) and letting the old
// generation fill before collecting. So the young generation does not grow (measured: no start-up
// cost), and a full collection runs once things go quiet. Flags set at run time: a bin script can't
// pass node flags portably.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;
let timer: NodeJS.Timeout | undefined;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** A full collection `delayMs` after the last call: after a verdict is drawn, not while drawing it. */
export function collectWhenIdle(delayMs = 300): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    gc ??= exposeGc();
    gc();
  }, delayMs);
  timer.unref();
}

function exposeGc(): () => void {
  // --expose-gc set at run time applies to contexts created afterwards: a fresh one hands it over.
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
