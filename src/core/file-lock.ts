// A lock around read-modify-write of a small file shared by processes (two terminals running the app,
// or the app and `check`): without it, two updates in the same few milliseconds lose one of them.
// Synchronous, like the store it guards. A lock left by a process that died (kill -9 mid-update) is
// taken over at once; one held for longer than any update takes is taken over too.
import fs from 'node:fs';

export interface LockOptions {
  /** A lock older than this is someone's leftover, whatever its pid says. */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(readonly lockFile: string, holder: string) {
    super(`${lockFile} has been held by ${holder} for too long; if no other async-katas is running, delete that file`);
    this.name = 'LockTimeoutError';
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

export function withFileLock<T>(lockFile: string, fn: () => T, options: LockOptions = {}): T {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      try {
        return fn();
      } finally {
        fs.rmSync(lockFile, { force: true });
      }
    }
    const holder = readHolder(lockFile);
    if (holder && (holder.age > staleMs || !alive(holder.pid))) {
      takeOver(lockFile, holder.ino);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(lockFile, holder ? `process ${holder.pid}` : 'another process');
    Atomics.wait(pause, 0, 0, wait);
  }
}

function readHolder(lockFile: string): { pid: number; age: number; ino: number } | undefined {
  try {
    const stat = fs.statSync(lockFile);
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    // Created but not written yet: its owner is between two system calls, so it is alive.
    return { pid: Number.isInteger(pid) ? pid : process.pid, age: Date.now() - stat.mtimeMs, ino: stat.ino };
  } catch {
    return undefined; // released meanwhile: try again
  }
}

/**
 * Removes a dead holder's lock; the rename makes sure only one of several waiters does it. If another
 * waiter took over first and what was moved aside is its fresh lock (another inode), it goes back.
 */
function takeOver(lockFile: string, ino: number): void {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return; // another waiter took it over first
  }
  try {
    if (fs.statSync(aside).ino !== ino) fs.linkSync(aside, lockFile);
  } catch {
    // a newer lock is in place already: it wins
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
