// Packs run code on the learner's machine (their hidden tests and fakes are Python), so the first use
// of a pack from a new location is asked about once. What was trusted is remembered per folder (its real
// path, so a symlink or another spelling of the same folder is the same pack) beside the progress file.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.js';
import type { PackInfo } from './catalog.js';
import { progressFile } from './paths.js';

export interface TrustRecord {
  name: string;
  version: string;
  trustedAt: string;
}

interface TrustData {
  version: 1;
  packs: Record<string, TrustRecord>;
}

export function trustFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(progressFile(env)), 'trusted-packs.json');
}

function location(pack: PackInfo): string {
  try {
    return fs.realpathSync(pack.dir);
  } catch {
    return path.resolve(pack.dir);
  }
}

function read(env: NodeJS.ProcessEnv): TrustData {
  try {
    const data = JSON.parse(fs.readFileSync(trustFile(env), 'utf8')) as Partial<TrustData>;
    if (data.version === 1 && data.packs && typeof data.packs === 'object') return { version: 1, packs: data.packs };
  } catch {
    // missing or unreadable: nothing is trusted yet, and the learner is asked again
  }
  return { version: 1, packs: {} };
}

/** The packs among `packs` whose folder has not been trusted on this machine, each once. */
export function untrustedPacks(packs: readonly PackInfo[], env: NodeJS.ProcessEnv = process.env): PackInfo[] {
  const trusted = read(env).packs;
  const seen = new Set<string>();
  return packs.filter((p) => {
    const where = location(p);
    if (trusted[where] || seen.has(where)) return false;
    seen.add(where);
    return true;
  });
}

/** Remembers these packs' folders as trusted; a kill mid-write leaves the old file or the new one. */
export function trustPacks(packs: readonly PackInfo[], env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): void {
  const data = read(env);
  for (const p of packs) data.packs[location(p)] = { name: p.name, version: p.version, trustedAt: now.toISOString() };
  const file = trustFile(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomically(file, `${JSON.stringify(data, null, 2)}\n`);
}
