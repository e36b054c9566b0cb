// `async-katas progress`: text for people, JSON for scripts. Every kata of the catalog is present.
import type { Kata } from '../core/catalog.js';
import { emptyProgress, type KataProgress } from '../core/progress.js';
import type { Colors } from './color.js';

export function progressJson(katas: readonly Kata[], recorded: Record<string, KataProgress>): { katas: Record<string, KataProgress> } {
  return { katas: Object.fromEntries(katas.map((k) => [k.id, recorded[k.id] ?? emptyProgress()])) };
}

export function formatProgress(katas: readonly Kata[], recorded: Record<string, KataProgress>, c: Colors, storePath: string): string {
  const rows = katas.map((k) => ({ kata: k, p: recorded[k.id] ?? emptyProgress() }));
  const solved = rows.filter((r) => r.p.status === 'solved').length;
  const idWidth = Math.max(2, ...katas.map((k) => k.id.length));
  const lines = [c.bold(`Progress: ${solved} of ${katas.length} katas solved`), ''];
  lines.push(c.dim(`  ${'ID'.padEnd(idWidth)}  STATUS     CHECKS  HINTS  QUIZ   SOLVED`));
  for (const { kata, p } of rows) {
    const answers = Object.values(p.quiz);
    const quiz = answers.length ? `${answers.filter((a) => a.correct).length}/${answers.length}` : '-';
    lines.push(
      `  ${kata.id.padEnd(idWidth)}  ${p.status.padEnd(9)}  ${String(p.attempts).padStart(6)}  ${`${p.hintsUsed}/3`.padStart(5)}  ` +
        `${quiz.padEnd(5)}  ${p.firstSolvedAt ? p.firstSolvedAt.slice(0, 10) : '-'}`,
    );
  }
  lines.push('', c.dim(`Stored in ${storePath} (ASYNC_KATAS_CONFIG_DIR chooses another folder).`));
  return `${lines.join('\n')}\n`;
}
