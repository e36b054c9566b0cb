// conf writes through `atomically`, whose dependency `when-exit` hooks SIGINT, SIGTERM, SIGHUP and a dozen
// other signals when it is imported, and re-raises the signal after its own clean-up. That kills the
// process behind the back of our own handlers (`check` stops its harness on Ctrl+C and exits 130).
// progress.ts imports this module before conf, so the listeners present before conf loaded are known
// and the ones conf's import added can be removed again. when-exit's 'exit' hook stays (it removes
// atomically's temp files on a normal exit, which is where our signal handlers lead).

const before = new Map<string, Function[]>();
for (const name of process.eventNames()) {
  if (typeof name === 'string' && name.startsWith('SIG')) before.set(name, process.listeners(name as NodeJS.Signals));
}

/** Removes the signal listeners added since this module was evaluated (by conf's imports). */
export function dropSignalListenersAddedByImports(): void {
  for (const name of process.eventNames()) {
    if (typeof name !== 'string' || !name.startsWith('SIG')) continue;
    const kept = before.get(name) ?? [];
    for (const listener of process.listeners(name as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(name, listener as (...args: unknown[]) => void);
    }
  }
}
