// What `async-katas validate` prints: a line per kata (its problems under it), then the totals.
import { CATALOGUE, type ValidateItem, type ValidateReport } from '../core/validate.js';
import type { Colors } from './color.js';

const NAME_WIDTH = 24; // the longest kata id so far is 21 characters

export function formatValidateItem(item: ValidateItem, c: Colors): string {
  const mark =
    item.outcome === 'ok' ? c.green('ok      ') : item.outcome === 'skip' ? c.yellow('skip    ') : c.red('PROBLEM ');
  return `  ${mark}  ${item.kata}  ${item.subject}  ${c.dim(item.detail)}`;
}

/** One kata's items: a summary line, then each problem with the file and what is wrong. */
export function formatKataItems(kata: string, items: ValidateItem[], c: Colors): string {
  const problems = items.filter((i) => i.outcome === 'mismatch');
  const skipped = items.filter((i) => i.outcome === 'skip');
  const name = (kata === CATALOGUE ? 'the catalogue' : kata).padEnd(NAME_WIDTH);
  if (problems.length) {
    const head = `  ${c.red('PROBLEM')}  ${name}  ${problems.length} of ${items.length} checks failed`;
    return [head, ...problems.map((p) => `           ${c.bold(p.subject)}: ${p.detail}`)].join('\n');
  }
  if (skipped.length && skipped.length + items.filter((i) => i.outcome === 'ok').length === items.length && skipped.length > items.length / 2) {
    return `  ${c.yellow('skip   ')}  ${name}  ${skipped[0]!.detail}`;
  }
  return `  ${c.green("ok     ")}  ${name}  ${items.length} check${items.length === 1 ? "" : "s"}`;
}

export function formatValidateSummary(report: ValidateReport, c: Colors): string {
  const count = (o: ValidateItem['outcome']) => report.items.filter((i) => i.outcome === o).length;
  const katas = new Set(report.items.map((i) => i.kata).filter((k) => k !== CATALOGUE)).size;
  const skipped = count('skip');
  const problems = count('mismatch');
  const line =
    `validate: ${katas} kata${katas === 1 ? '' : 's'}, ${report.items.length} checks: ${count('ok')} ok, ` +
    `${problems} problem${problems === 1 ? '' : 's'}${skipped ? `, ${skipped} skipped (need a newer Python)` : ''}`;
  return report.ok ? c.green(line) : c.red(line);
}
