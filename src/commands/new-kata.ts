// `async-katas new <kata-id> --pack DIR`: scaffold a kata for a team's pack, and say what comes next.
import path from 'node:path';
import { scaffoldKata, ScaffoldError } from '../core/scaffold.js';
import { guarded, shellQuote, usageError } from './common.js';

export interface NewOptions {
  pack?: string[];
  title?: string;
}

export function newCommand(id: string, options: NewOptions): Promise<number> {
  return guarded(() => scaffoldAndSay(id, options));
}

function scaffoldAndSay(id: string, options: NewOptions): number {
  const packs = options.pack ?? [];
  if (packs.length !== 1) {
    return usageError(
      packs.length
        ? `give one pack to add the kata to (got ${packs.length} --pack folders)`
        : `say which pack to add it to: async-katas new ${shellQuote(id)} --pack DIR (the folder is created if needed)`,
    );
  }
  const dir = packs[0]!;
  let made;
  try {
    made = scaffoldKata({ id, packDir: dir, title: options.title });
  } catch (error) {
    // A broken pack.json or a refused write is a usage error too: guarded() says so.
    if (error instanceof ScaffoldError) return usageError(error.message);
    throw error;
  }
  const relative = path.relative(process.cwd(), made.kataDir);
  const shown = relative && !relative.startsWith('..') ? relative : made.kataDir;
  const pack = shellQuote(dir);
  const lines = [
    ...(made.createdPack
      ? [`Created the pack ${made.createdPack.name} ${made.createdPack.version} (${path.join(dir, 'pack.json')}); edit its name and version as you like.`]
      : []),
    `Created ${shown}/ from the kata template: ${made.files.join(', ')}.`,
    'It already passes validate: change one thing at a time and keep it passing.',
    `  1. kata.json: title, level, concepts, task, hints, starterFails, references (docs/authoring.md)`,
    `  2. starter.py (the bug), solution.py (the fix), tests.py (hidden tests on fakes and virtual time)`,
    `  3. corpus/: at least 4 pass-*.py and 6 fail-*.py variants, each labelled on its first line`,
    `  4. explanation.md (its seven sections) and quiz.json`,
    `Prove it:  async-katas validate ${pack}`,
    `Try it:    async-katas --pack ${pack}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
