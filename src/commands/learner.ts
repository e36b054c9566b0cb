// Commands for learners, scripts and screen readers: list, progress, hint, explain, open and the bare
// command. Loaded lazily by cli.ts (they need the progress store, which is slower to load than `check`).
import { loadExplanation, type Kata } from '../core/catalog.js';
import { findAnyKata, loadAllKatas } from '../core/sources.js';
import { kataFilePath } from '../core/workspace.js';
import { makeColors } from '../report/color.js';
import { formatKataList, kataListJson } from '../report/kata-list.js';
import { formatExplanation } from '../report/plain-text.js';
import { loadPacks } from '../core/pack.js';
import { formatProgress, progressJson } from '../report/progress-report.js';
import { requireTrust } from './trust-gate.js';
import { dumbTerminal, guarded, interactive, loadProgress, packDirsOf, resolveWorkspace, WorkspaceError, type GlobalOptions } from './common.js';

export function listCommand(options: GlobalOptions & { json?: boolean }): Promise<number> {
  return guarded(async () => {
    const katas = loadAllKatas(packDirsOf(options));
    const store = await loadProgress();
    const statuses = Object.fromEntries(Object.entries(store?.all() ?? {}).map(([id, p]) => [id, p.status]));
    if (options.json) {
      process.stdout.write(`${JSON.stringify(kataListJson(katas, statuses))}\n`);
      return 0;
    }
    // A broken workspace manifest must not stop the list: it is only a hint here.
    let workspaceDir: string | undefined;
    try {
      workspaceDir = resolveWorkspace(options)?.dir;
    } catch (error) {
      if (!(error instanceof WorkspaceError)) throw error;
    }
    process.stdout.write(formatKataList(katas, { c: makeColors(), statuses, workspaceDir }));
    return 0;
  });
}

export function progressCommand(options: GlobalOptions & { json?: boolean }): Promise<number> {
  return guarded(async () => {
    const katas = loadAllKatas(packDirsOf(options));
    const store = await loadProgress();
    if (!store) return 2; // loadProgress said why
    const recorded = store.all();
    if (options.json) process.stdout.write(`${JSON.stringify(progressJson(katas, recorded))}\n`);
    else process.stdout.write(formatProgress(katas, recorded, makeColors(), store.path));
    return 0;
  });
}

export function hintCommand(id: string, options: GlobalOptions & { all?: boolean }): Promise<number> {
  return guarded(async () => {
    const kata = findAnyKata(id, packDirsOf(options));
    const store = await loadProgress();
    const used = store?.get(id).hintsUsed ?? 0;
    const total = kata.hints.length;
    const show = (tiers: number) => kata.hints.slice(0, tiers).map((h, i) => `Hint ${i + 1} of ${total}: ${h}`);
    let lines: string[];
    if (options.all) {
      lines = used ? show(used) : [`No hints shown yet for ${id}. \`async-katas hint ${id}\` shows the first.`];
    } else if (used >= total) {
      lines = [...show(total), `All ${total} hints are shown.`];
    } else {
      const tier = used + 1;
      store?.recordHint(id, tier);
      lines = [...show(tier).slice(-1)];
      lines.push(tier < total ? `Run \`async-katas hint ${id}\` again for a closer hint.` : 'That was the last hint.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

export function explainCommand(id: string, options: GlobalOptions = {}): Promise<number> {
  return guarded(() => {
    const kata = findAnyKata(id, packDirsOf(options));
    const sections = loadExplanation(kata);
    process.stdout.write(formatExplanation(`${kata.title} (${kata.id}): explanation`, sections, makeColors()));
    return 0;
  });
}

/** The bare command and `open <id>`: the app on a terminal, otherwise (or if the app is unavailable) text. */
export function appCommand(options: GlobalOptions & { kataId?: string }): Promise<number> {
  return guarded(async () => {
    const packs = packDirsOf(options);
    const kata = options.kataId ? findAnyKata(options.kataId, packs) : undefined;
    if (interactive() && !dumbTerminal()) {
      // Every pack's katas can be checked from the trainer: each new one is asked about before it starts.
      const refused = await requireTrust(kata ? (kata.pack ? [kata.pack] : []) : loadPacks(packs).map((p) => p.info), options);
      if (refused) return refused;
      // ─── The Ink app (src/ui/start.ts, written by the UI side). It returns -1 when it cannot run. ───
      const { startApp } = await import('../ui/start.js');
      const code = await startApp({ workspace: options.workspace, kataId: kata?.id, packDirs: packs });
      if (code !== -1) return code;
    }
    if (kata) return printKata(kata, options);
    return listCommand(options);
  });
}

/** `quiz`: the trainer straight in quiz mode; without a terminal the same session as plain lines. */
export function quizCommand(options: GlobalOptions): Promise<number> {
  return guarded(async () => {
    const packs = packDirsOf(options);
    if (interactive() && !dumbTerminal()) {
      // From quiz mode the learner can go on to any kata and check it: a new pack is asked about first.
      const refused = await requireTrust(loadPacks(packs).map((p) => p.info), options);
      if (refused) return refused;
      const { startApp } = await import('../ui/start.js');
      const code = await startApp({ workspace: options.workspace, quiz: true, packDirs: packs });
      if (code !== -1) return code;
    }
    return (await import('./quiz.js')).plainQuiz(packs);
  });
}

/** `open <id>` without a terminal: the task and where to edit, as text. */
function printKata(kata: Kata, options: GlobalOptions): number {
  const c = makeColors();
  const ws = resolveWorkspace(options);
  const lines = [c.bold(`${kata.title} (${kata.id})`), c.dim(kata.tag), '', kata.task, ''];
  if (ws) lines.push(`Your file: ${kataFilePath(ws, kata.id)}`, `Check it:  async-katas check ${kata.id}`);
  else lines.push(`Check a file: async-katas check ${kata.id} --file <your-file.py>   (starter: ${kata.files.starter})`);
  lines.push(`Stuck?     async-katas hint ${kata.id}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
