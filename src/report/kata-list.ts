// What `async-katas list` (and the bare command without a terminal) prints: the katas and how to practise.
import type { Kata } from '../core/catalog.js';
import type { KataStatus } from '../core/progress.js';
import type { Colors } from './color.js';

export interface KataListContext {
  c: Colors;
  /** Status per kata id; missing means new. */
  statuses?: Record<string, KataStatus>;
  /** The workspace found from here, if any. */
  workspaceDir?: string;
}

export function formatKataList(katas: readonly Kata[], ctx: KataListContext): string {
  const { c } = ctx;
  const lines = [c.bold('async-katas: learn Python async by fixing broken async code'), ''];
  if (katas.length === 0) {
    lines.push('No katas are installed yet.');
  } else {
    const idWidth = Math.max(2, ...katas.map((k) => k.id.length));
    const titleWidth = Math.max(5, ...katas.map((k) => k.title.length));
    lines.push(c.dim(`  LEVEL  ${'ID'.padEnd(idWidth)}  ${'TITLE'.padEnd(titleWidth)}  STATUS`));
    for (const [i, k] of katas.entries()) {
      // Each pack is a section of its own, after the built-in katas.
      if (k.pack && katas[i - 1]?.pack?.name !== k.pack.name) lines.push('', c.bold(`  Pack ${k.pack.name} ${k.pack.version}`));
      const status = ctx.statuses?.[k.id] ?? 'new';
      const shown = status === 'solved' ? c.green(status) : status === 'attempted' ? c.yellow(status) : c.dim(status);
      lines.push(`  ${String(k.level).padEnd(5)}  ${c.cyan(k.id.padEnd(idWidth))}  ${k.title.padEnd(titleWidth)}  ${shown}`);
    }
    const solved = katas.filter((k) => ctx.statuses?.[k.id] === 'solved').length;
    lines.push('', `${solved} of ${katas.length} solved.`);
  }
  const example = katas.find((k) => ctx.statuses?.[k.id] !== 'solved')?.id ?? katas[0]?.id ?? '<kata-id>';
  lines.push('', 'In a terminal, `async-katas` opens the trainer. Or edit a file yourself and check it:');
  if (ctx.workspaceDir) {
    lines.push(`  your workspace: ${ctx.workspaceDir} (one <kata-id>.py per kata)`, `  async-katas check ${example}`);
  } else {
    lines.push(
      `  async-katas check ${example} --workspace async-katas    creates ./async-katas/${example}.py from the starter`,
    );
  }
  lines.push(
    `  async-katas check <kata-id> --file <your-file.py>`,
    `  e.g. async-katas check ${example} --file ${example}.py`,
    `  async-katas hint ${example}    a hint, one tier at a time`,
    '',
    'More: async-katas --help',
  );
  return `${lines.join('\n')}\n`;
}

/** `list --json`: one entry per kata, in catalog order. */
export function kataListJson(katas: readonly Kata[], statuses: Record<string, KataStatus> = {}) {
  return katas.map((k) => ({
    id: k.id,
    title: k.title,
    level: k.level,
    concepts: k.concepts,
    minPython: k.minPython,
    pack: k.pack ? { name: k.pack.name, version: k.pack.version } : null,
    status: statuses[k.id] ?? 'new',
  }));
}
