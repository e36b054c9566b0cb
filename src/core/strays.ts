// Processes a check started that left its process group (setsid, start_new_session=True, a daemon's
// double fork) escape the group kill. Every process of a check inherits a marker in its environment,
// so on Linux they can be found in /proc and ended too. Elsewhere the group kill is all there is.
import fs from 'node:fs';

export const MARKER_VARIABLE = 'ASYNC_KATAS_CHECK';

/** SIGKILLs every process whose environment carries `MARKER_VARIABLE=<marker>`; returns their pids. */
export function killMarked(marker: string, procDir = '/proc'): number[] {
  if (process.platform !== 'linux') return [];
  const needle = Buffer.from(`\0${MARKER_VARIABLE}=${marker}\0`);
  const first = Buffer.from(`${MARKER_VARIABLE}=${marker}\0`);
  let entries: string[];
  try {
    entries = fs.readdirSync(procDir);
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let environ: Buffer;
    try {
      environ = fs.readFileSync(`${procDir}/${entry}/environ`);
    } catch {
      continue; // gone already, or not ours to read
    }
    if (!environ.includes(needle) && !environ.subarray(0, first.length).equals(first)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // ended between the read and the kill
    }
  }
  return killed;
}
