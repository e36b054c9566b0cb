// The learner's solution against the reference as a unified line diff: `-` lines only the learner has,
// `+` lines only the reference has, long unchanged stretches folded, windowed to the rows given.
import { diffLines } from 'diff';
import { palette } from '../theme.js';
import { Lines } from './Lines.js';
import { sanitize, splitLines, truncateLine, type Line } from './text.js';

export interface DiffViewProps {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  height: number;
  width: number;
  /** First diff row to show (0-based), for scrolling; the two header rows always stay. */
  offset?: number;
  /** Unchanged lines kept around each change; longer unchanged stretches fold to one row. */
  context?: number;
}

type Row = { sign: ' ' | '-' | '+'; text: string } | { fold: number };

/** The diff rows without headers: changed lines with `context` lines around, folds in between. */
export function diffRows(before: string, after: string, context = 3): Row[] {
  // Both end with a newline, so a missing final newline in one file is not reported as a change.
  const norm = (s: string) => `${splitLines(s).map(sanitize).join('\n')}\n`;
  const rows: Array<{ sign: ' ' | '-' | '+'; text: string }> = [];
  for (const part of diffLines(norm(before), norm(after))) {
    const sign = part.added ? '+' : part.removed ? '-' : ' ';
    for (const text of splitLines(part.value)) rows.push({ sign, text });
  }
  const keep = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.sign === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) keep[j] = true;
  });
  const out: Row[] = [];
  for (let i = 0; i < rows.length; ) {
    if (keep[i]) {
      out.push(rows[i]!);
      i += 1;
      continue;
    }
    let j = i;
    while (j < rows.length && !keep[j]) j += 1;
    // Folding one line would save nothing: its fold row takes the same room.
    if (j - i === 1) out.push(rows[i]!);
    else out.push({ fold: j - i });
    i = j;
  }
  return out;
}

function drawRow(row: Row, width: number): Line {
  if ('fold' in row) return [{ text: `  ⋯ ${row.fold} unchanged lines`, color: palette.muted }];
  const color = row.sign === '-' ? palette.removed : row.sign === '+' ? palette.added : undefined;
  return truncateLine([{ text: `${row.sign} ${row.text}`, color }], width);
}

/** Every row DiffView draws, at most `height`. */
export function diffViewLines({ before, after, beforeLabel, afterLabel, height, width, offset = 0, context = 3 }: DiffViewProps): Line[] {
  const header: Line[] = [
    truncateLine([{ text: `--- ${beforeLabel}`, color: palette.removed, bold: true }], width),
    truncateLine([{ text: `+++ ${afterLabel}`, color: palette.added, bold: true }], width),
  ];
  const rows = diffRows(before, after, context);
  const room = height - header.length;
  if (room <= 0) return header.slice(0, Math.max(0, height));
  const start = Math.max(0, Math.min(offset, rows.length - 1));
  const fits = rows.length - start <= room;
  const shown = rows.slice(start, fits ? rows.length : start + room - 1).map((r) => drawRow(r, width));
  if (!fits) {
    const left = rows.length - start - shown.length;
    shown.push([{ text: `  … ${left} more row${left === 1 ? '' : 's'}`, color: palette.muted }]);
  }
  return [...header, ...shown];
}

export function DiffView(props: DiffViewProps) {
  return <Lines lines={diffViewLines(props)} width={props.width} />;
}
