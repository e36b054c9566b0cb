// Before a pack's code first runs here (a check, the trainer): say what it is and ask once.
import path from 'node:path';
import type { PackInfo } from '../core/catalog.js';
import { trustPacks, untrustedPacks } from '../core/trust.js';
import { interactive, usageError, warn } from './common.js';
import { confirm } from './confirm.js';

/** 0 when every pack may run (trusted before, trusted now, or --trust-packs); otherwise the exit code. */
export async function requireTrust(
  packs: readonly PackInfo[],
  options: { trustPacks?: boolean },
  /** For --json callers: the object to print on stdout with a refusal. */
  json?: (message: string) => object,
): Promise<number> {
  const fresh = untrustedPacks(packs);
  if (!fresh.length) return 0;
  const named = fresh.map((p) => `'${p.name}' ${p.version} (${path.relative(process.cwd(), p.dir) || '.'})`).join(', ');
  if (options.trustPacks) {
    remember(fresh);
    return 0;
  }
  const [subject, is, its] = fresh.length === 1 ? [`the pack ${named}`, 'is', 'its'] : [`the packs ${named}`, 'are', 'their'];
  const why = `${its} hidden tests are Python code that runs on this machine with your permissions`;
  if (!interactive()) {
    const message = `${subject} ${is} new here and ${why}; if you trust whoever gave ${fresh.length === 1 ? 'it' : 'them'} to you, pass --trust-packs once (remembered per folder)`;
    return usageError(message, json?.(message));
  }
  process.stdout.write(`${subject[0]!.toUpperCase()}${subject.slice(1)} ${is} new on this machine: ${why} whenever you check one of ${its} katas.\n`);
  if (!(await confirm(`Trust ${fresh.length === 1 ? 'it' : 'them'} and remember ${fresh.length === 1 ? 'its folder' : 'their folders'}? [y/N] `))) {
    process.stdout.write(`Not trusted: nothing from ${fresh.length === 1 ? 'it' : 'them'} was run. Leave out --pack (and ASYNC_KATAS_PACKS) to use the built-in katas.\n`);
    return 1;
  }
  remember(fresh);
  return 0;
}

/** The learner said yes: that holds for this run even if the answer can't be written down. */
function remember(packs: readonly PackInfo[]): void {
  try {
    trustPacks(packs);
  } catch (error) {
    warn(`could not remember that you trust this (${(error as Error).message}); you will be asked again next time`);
  }
}
