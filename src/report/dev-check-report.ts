// Lines printed by `async-katas dev check`.
import type { DevCheckItem, DevCheckReport } from '../core/dev-check.js';
import type { Colors } from './color.js';

export function formatDevCheckItem(item: DevCheckItem, c: Colors): string {
  const mark =
    item.outcome === 'ok' ? c.green('ok      ') : item.outcome === 'skip' ? c.yellow('skip    ') : c.red('MISMATCH');
  return `  ${mark}  ${item.kata}  ${item.subject}  ${c.dim(item.detail)}`;
}

export function formatDevCheckSummary(report: DevCheckReport, c: Colors): string {
  const count = (o: DevCheckItem['outcome']) => report.items.filter((i) => i.outcome === o).length;
  const katas = new Set(report.items.map((i) => i.kata)).size;
  const skipped = count('skip');
  const line = `dev check of ${katas} kata${katas === 1 ? '' : 's'}: ${count('ok')} passed, ${count('mismatch')} failed${skipped ? `, ${skipped} skipped` : ''}`;
  return report.ok ? c.green(line) : c.red(line);
}
