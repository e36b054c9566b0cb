// The timeline of one test as rows of cells on one virtual-time axis shared by the learner's run and the
// reference's: awaits run one after another draw a staircase, concurrent ones start in the same column.
import type { Timeline, TimelineRow, TimelineRun } from '../../core/result.js';
import { palette } from '../theme.js';
import { lineWidth, truncate, truncateLine, type Line, type Span } from './text.js';

/** Cell characters: running (or the start), suspended/waiting, ended by an exception, never finished. */
export const BAR = { run: '█', wait: '░', error: '✗', open: '…', none: ' ' } as const;

interface Interval {
  from: number;
  to: number;
  running: boolean;
}

/** Running and waiting intervals of a row, from its events; a row that never finishes runs to `end`. */
function intervals(row: TimelineRow, end: number): { intervals: Interval[]; first: number; last: number; error: boolean; finished: boolean } {
  const out: Interval[] = [];
  let since: number | null = null;
  let running = true;
  let error = false;
  let finished = false;
  for (const event of row.events) {
    if (since !== null && event.t > since) out.push({ from: since, to: event.t, running });
    since = event.t;
    if (event.kind === 'start' || event.kind === 'resume') running = true;
    else if (event.kind === 'suspend') running = false;
    else {
      finished = true;
      error = event.kind === 'error';
      break;
    }
  }
  const first = row.events[0]?.t ?? 0;
  let last = since ?? first;
  if (!finished && since !== null && end > since) {
    out.push({ from: since, to: end, running });
    last = end;
  }
  return { intervals: out, first, last, error, finished };
}

/**
 * One row's bar of `cells` cells over [0, span] seconds. Blank before the start and after the end; the
 * start's cell is always `█` (so a row that starts and ends at the same instant is still a visible tick);
 * other cells are `█` where the row ran (a blocking call holds the loop) at least as long as it waited.
 */
export function barCells(row: TimelineRow, span: number, cells: number, runEnd: number): string {
  if (row.events.length === 0 || cells <= 0) return BAR.none.repeat(Math.max(0, cells));
  const { intervals: parts, first, last, error, finished } = intervals(row, runEnd);
  const cellOf = (t: number) => (span > 0 ? Math.min(cells - 1, Math.max(0, Math.floor((t / span) * cells))) : 0);
  const c0 = cellOf(first);
  // The end cell is the one the row's last moment falls in, counting an end exactly on a cell's left edge
  // as the previous cell: a wait of 0-10 ms on a 0-50 ms axis of 5 cells fills cell 0 only.
  const c1 = last > first && span > 0 ? Math.max(c0, Math.min(cells - 1, Math.ceil((last / span) * cells) - 1)) : c0;
  // Each interval adds its time to the cells it crosses: one pass, however many events the row has.
  const run = new Array<number>(cells).fill(0);
  const wait = new Array<number>(cells).fill(0);
  const size = span / cells;
  for (const part of size > 0 ? parts : []) {
    const end = Math.min(cells - 1, Math.floor(part.to / size));
    for (let c = Math.max(0, Math.floor(part.from / size)); c <= end; c++) {
      const overlap = Math.min((c + 1) * size, part.to) - Math.max(c * size, part.from);
      if (overlap > 0) (part.running ? run : wait)[c]! += overlap;
    }
  }
  const chars: string[] = Array.from({ length: cells }, () => BAR.none);
  for (let c = c0; c <= c1; c++) chars[c] = c === c0 || (run[c]! > 0 && run[c]! >= wait[c]!) ? BAR.run : BAR.wait;
  if (error) chars[c1] = BAR.error;
  else if (!finished && c1 > c0) chars[c1] = BAR.open;
  return chars.join('');
}

/** `65 ms`, `2.5 ms`, `1.2 s`, `600 s`: three significant digits at most, no trailing zeros. */
export function formatDuration(seconds: number): string {
  if (seconds >= 1) return `${trim(seconds)} s`;
  return `${trim(seconds * 1000)} ms`;
}

function trim(n: number): string {
  if (n === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(n))));
  return String(Number(n.toFixed(Math.min(digits, 3))));
}

/** Axis labels: 0 at the left edge, the middle when there is room, the end (with its unit) at the right. */
function axisLabels(span: number, cells: number): string {
  const unitInSeconds = span >= 1;
  const num = (s: number) => trim(unitInSeconds ? s : s * 1000);
  const end = `${num(span)} ${unitInSeconds ? 's' : 'ms'}`;
  const row = Array.from({ length: cells + 1 }, () => ' ');
  const put = (text: string, at: number) => [...text].forEach((ch, i) => (row[at + i] = ch));
  put('0', 0);
  if (span > 0) {
    const endAt = Math.max(2, cells + 1 - end.length);
    put(end, endAt);
    const mid = num(span / 2);
    const midAt = Math.round(cells / 2 - mid.length / 2);
    if (midAt > 2 && midAt + mid.length < endAt - 1) put(mid, midAt);
  } else put(' ms', 1);
  return row.join('').trimEnd();
}

export interface TimelineLayout {
  width: number;
  /** Rows available in all; without it each run shows at most 8 rows. */
  height?: number;
}

const DEFAULT_ROWS_PER_RUN = 8;

/**
 * When a run's last thing happened: its elapsed time, or a later event. A loop instead of
 * Math.max(...events): a task that yields until the step budget runs out has tens of thousands of them.
 */
function runEnd(run: TimelineRun): number {
  let end = Math.max(0, run.elapsed);
  for (const row of run.rows) for (const event of row.events) if (event.t > end) end = event.t;
  return end;
}

/** How many bar rows each run gets: an even split, the unused share of a short run going to the other. */
function rowBudgets(learner: number, reference: number | null, budget: number): [number, number] {
  if (reference === null) return [Math.min(learner, budget), 0];
  let forLearner = Math.ceil(budget / 2);
  let forReference = budget - forLearner;
  if (learner < forLearner) {
    forReference += forLearner - learner;
    forLearner = learner;
  } else if (reference < forReference) {
    forLearner += forReference - reference;
    forReference = reference;
  }
  return [Math.max(1, forLearner), Math.max(1, forReference)];
}

/** Every row TimelineView draws: a title, the bars, the axis, and the totals. Never more than `height`. */
export function timelineLines(timeline: Timeline, { width, height }: TimelineLayout): Line[] {
  const { learner, reference } = timeline;
  const runs: Array<{ tag: string; run: TimelineRun; color: string }> = [];
  const narrow = width < 60;
  runs.push({ tag: narrow ? 'you' : 'yours', run: learner, color: palette.learner });
  if (reference) runs.push({ tag: narrow ? 'ref' : 'reference', run: reference, color: palette.reference });

  const span = Math.max(runEnd(learner), reference ? runEnd(reference) : 0);

  const tagWidth = Math.max(...runs.map((r) => r.tag.length)) + 1;
  const labels = runs.flatMap((r) => r.run.rows.map((row) => row.label));
  const labelWidth = Math.min(Math.max(4, ...labels.map((l) => l.length)), Math.max(8, Math.floor(width * 0.25)));
  const cells = Math.max(4, width - tagWidth - labelWidth - 3);

  // Title, axis and totals take 3 rows; when that leaves fewer than two bar rows a run, the title goes.
  const fixed = height !== undefined && height - 3 < 2 * runs.length ? 2 : 3;
  const budget = height === undefined ? null : Math.max(runs.length, height - fixed);
  const [learnerRows, referenceRows] =
    budget === null
      ? [DEFAULT_ROWS_PER_RUN, DEFAULT_ROWS_PER_RUN]
      : rowBudgets(learner.rows.length, reference ? reference.rows.length : null, budget);

  const lines: Line[] = [];
  if (fixed === 3) lines.push(truncateLine([{ text: 'Timeline: ', bold: true }, { text: timeline.case, color: palette.muted }], width));
  runs.forEach(({ tag, run, color }, r) => {
    const cap = r === 0 ? learnerRows : referenceRows;
    const shown = run.rows.length > cap ? Math.max(0, cap - 1) : run.rows.length;
    run.rows.slice(0, shown).forEach((row, i) => {
      lines.push(barLine(i === 0 ? tag : '', row, { tagWidth, labelWidth, cells, span, runEnd: runEnd(run), color }));
    });
    if (run.rows.length === 0) lines.push(note(tag, 'no traced calls', tagWidth, labelWidth, color));
    else if (shown < run.rows.length) {
      lines.push(note(shown === 0 ? tag : '', `+${run.rows.length - shown} more`, tagWidth, labelWidth, color));
    }
  });
  lines.push([{ text: ' '.repeat(tagWidth + labelWidth + 2) }, { text: axisLabels(span, cells), color: palette.muted }]);
  lines.push(totals(learner, reference, width));
  return height === undefined ? lines : lines.slice(0, Math.max(0, height));
}

interface BarGeometry {
  tagWidth: number;
  labelWidth: number;
  cells: number;
  span: number;
  runEnd: number;
  color: string;
}

function barLine(tag: string, row: TimelineRow, g: BarGeometry): Line {
  const head: Span[] = [
    { text: tag.padEnd(g.tagWidth), color: g.color, bold: true },
    { text: shortLabel(row.label, g.labelWidth).padEnd(g.labelWidth) },
    { text: ' │', color: palette.muted },
  ];
  if (row.events.length === 0) {
    // Created but never run: the forgotten await. Said in words, since an empty bar looks like nothing.
    const text = truncate('never started', g.cells).padEnd(g.cells);
    return [...head, { text, color: palette.fail }, { text: '│', color: palette.muted }];
  }
  const bar = barCells(row, g.span, g.cells, g.runEnd);
  // One span per run of equal cells, so `✗` can be red inside a yellow bar.
  const cells: Span[] = [];
  for (const ch of bar) {
    const color = ch === BAR.error ? palette.fail : g.color;
    const last = cells[cells.length - 1];
    if (last && last.color === color) last.text += ch;
    else cells.push({ text: ch, color });
  }
  return [...head, ...cells, { text: '│', color: palette.muted }];
}

function note(tag: string, text: string, tagWidth: number, labelWidth: number, color: string): Line {
  return [
    { text: tag.padEnd(tagWidth), color, bold: true },
    { text: ' '.repeat(labelWidth) },
    { text: ' │', color: palette.muted },
    { text: text, color: palette.muted },
  ];
}

function totals(learner: TimelineRun, reference: TimelineRun | null, width: number): Line {
  const line: Line = [{ text: `yours ${formatDuration(learner.elapsed)}`, color: palette.learner, bold: true }];
  if (reference) line.push({ text: ' · ' }, { text: `reference ${formatDuration(reference.elapsed)}`, color: palette.reference, bold: true });
  else line.push({ text: ' · no reference run', color: palette.muted });
  // The legend only whole: a cut "█ runni…" explains nothing.
  const legend: Span = { text: `   ${BAR.run} running  ${BAR.wait} waiting`, color: palette.muted };
  if (lineWidth(line) + lineWidth([legend]) <= width) line.push(legend);
  return truncateLine(line, width);
}

/** A call's label cut to `width`, keeping its arguments: `fetch…(PY)`, since the name is often the same. */
export function shortLabel(label: string, width: number): string {
  if (label.length <= width) return label;
  const paren = label.indexOf('(');
  const args = paren > 0 ? label.slice(paren) : '';
  if (args && args.length <= width - 2) return `${label.slice(0, width - 1 - args.length)}…${args}`;
  return truncate(label, width);
}
