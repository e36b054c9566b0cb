// `async-katas reset <id>` / `reset --all`: the workspace file(s) back to the starter (what was there kept
// as .bak) and the progress forgotten. Destructive, so it asks on a terminal and needs --yes otherwise.
import path from 'node:path';
import fs from 'node:fs';
import type { Kata } from '../core/catalog.js';
import { findAnyKata, loadAllKatas } from '../core/sources.js';
import { kataFilePath, resetKataFile } from '../core/workspace.js';
import { confirm } from './confirm.js';
import { guarded, interactive, packDirsOf, loadProgress, resolveWorkspace, usageError, type GlobalOptions } from './common.js';

export interface ResetOptions extends GlobalOptions {
  all?: boolean;
  yes?: boolean;
}

export function resetCommand(id: string | undefined, options: ResetOptions): Promise<number> {
  return guarded(async () => {
    if (Boolean(id) === Boolean(options.all)) {
      return usageError(id ? 'give a kata id or --all, not both' : 'say what to reset: async-katas reset <kata-id>, or reset --all');
    }
    const ws = resolveWorkspace(options);
    const katas: Kata[] = id ? [findAnyKata(id, packDirsOf(options))] : loadAllKatas(packDirsOf(options));
    // Only files that exist are reset by --all: katas never opened have nothing to go back to.
    const files = ws ? katas.filter((k) => id || fs.existsSync(kataFilePath(ws, k.id))) : [];
    const what = id
      ? `${id}: ${ws ? `${kataFilePath(ws, id)} goes back to the starter (your version is kept as ${id}.py.bak)` : 'no workspace here, so no file changes'} and its progress is forgotten`
      : `all ${katas.length} katas: ${files.length} file(s) in ${ws?.dir ?? '(no workspace here)'} go back to the starter (each kept as .bak) and all progress is forgotten`;

    if (!options.yes) {
      if (!interactive()) return usageError(`reset ${what}; not a terminal, so nothing was asked: pass --yes to reset`);
      if (!(await confirm(`Reset ${what}. Continue? [y/N] `))) {
        process.stdout.write('Nothing was reset.\n');
        return 1;
      }
    }

    const lines: string[] = [];
    for (const kata of files) {
      const done = resetKataFile(ws!, kata);
      lines.push(`${done.path}: reset to the starter${done.backup ? ` (your version: ${path.basename(done.backup)})` : ''}`);
    }
    const store = await loadProgress();
    if (store) {
      if (id) store.reset(id);
      else store.resetAll();
      lines.push(id ? `Progress of ${id} forgotten.` : 'All progress forgotten.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return store ? 0 : 2;
  });
}
