import './force-color.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Timeline, TimelineRow, TimelineRun } from '../../../src/core/result.js';
import { barCells, formatDuration } from '../../../src/ui/components/timeline-bars.js';
import { TimelineView } from '../../../src/ui/components/TimelineView.js';
import { columns, frameOf, hasEscapes, rowsOf } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A call that starts at `from`, awaits a timer, and finishes at `to` (seconds). */
function waits(label: string, from: number, to: number): TimelineRow {
  return {
    label,
    kind: 'call',
    events: [
      { t: from, kind: 'start' },
      { t: from, kind: 'suspend' },
      { t: to, kind: 'resume' },
      { t: to, kind: 'finish' },
    ],
  };
}

/** A call that holds the loop (a blocking time.sleep) from `from` to `to`. */
function blocks(label: string, from: number, to: number): TimelineRow {
  return { label, kind: 'call', events: [{ t: from, kind: 'start' }, { t: to, kind: 'finish' }] };
}

const NAMES = ['db', 'cache', 'queue', 'search', 'auth'];
const sequential: TimelineRun = { elapsed: 0.05, rows: NAMES.map((n, i) => waits(`check(${n})`, i * 0.01, (i + 1) * 0.01)) };
const concurrent: TimelineRun = { elapsed: 0.01, rows: NAMES.map((n) => waits(`check(${n})`, 0, 0.01)) };
const timeline: Timeline = { case: 'five probes take 10 ms in total', learner: sequential, reference: concurrent };

/** The bar part of a row (between the two │), and where its first and last drawn cells are. */
function bar(row: string): { cells: string; first: number; last: number } {
  const cells = row.slice(row.indexOf('│') + 1, row.lastIndexOf('│'));
  const drawn = [...cells].map((ch, i) => (ch === ' ' ? -1 : i)).filter((i) => i >= 0);
  return { cells, first: drawn[0] ?? -1, last: drawn[drawn.length - 1] ?? -1 };
}

function barRows(rows: string[], label: string): string[] {
  return rows.filter((r) => r.includes(label) && r.includes('│'));
}

describe('TimelineView', () => {
  test('sequential awaits draw a staircase: each bar starts where the one before ended', () => {
    const rows = rowsOf(<TimelineView timeline={timeline} width={100} />);
    const learner = rows.slice(1, 6).map(bar);
    for (let i = 1; i < learner.length; i++) {
      expect(learner[i]!.first, rows[i + 1]).toBeGreaterThan(learner[i - 1]!.first);
      // Where the previous one ends, give or take the one cell both share.
      expect(Math.abs(learner[i]!.first - learner[i - 1]!.last), rows[i + 1]).toBeLessThanOrEqual(1);
    }
    // And the last one reaches the right end of the axis.
    expect(learner[4]!.last).toBe(learner[4]!.cells.length - 1);
  });

  test('concurrent calls start in the same column, side by side', () => {
    const rows = rowsOf(<TimelineView timeline={timeline} width={100} />);
    const reference = rows.slice(6, 11).map(bar);
    expect(new Set(reference.map((b) => b.first))).toEqual(new Set([0]));
    expect(new Set(reference.map((b) => b.last)).size).toBe(1);
    // On the shared axis the reference's 10 ms is a fifth of the learner's 50 ms.
    const learnerLast = bar(rows[5]!).last + 1;
    expect(reference[0]!.last + 1).toBeGreaterThanOrEqual(Math.floor(learnerLast / 5) - 1);
    expect(reference[0]!.last + 1).toBeLessThanOrEqual(Math.ceil(learnerLast / 5) + 1);
  });

  test('labels the runs, shows the axis in ms and the totals of both', () => {
    const rows = rowsOf(<TimelineView timeline={timeline} width={100} />);
    expect(rows[0]).toBe('Timeline: five probes take 10 ms in total');
    expect(rows[1]).toMatch(/^yours\s+check\(db\)\s+│█/);
    expect(rows[6]).toMatch(/^reference\s+check\(db\)\s+│█/);
    expect(rows[11]).toMatch(/^\s+0\s+25\s+50 ms$/);
    expect(rows[12]).toMatch(/^yours 50 ms · reference 10 ms/);
    expect(rows).toHaveLength(13);
  });

  test('waiting is ░ and a call that holds the loop is solid █', () => {
    const blocking: Timeline = {
      case: 'c',
      learner: { elapsed: 0.02, rows: [blocks('check(db)', 0, 0.01), blocks('check(api)', 0.01, 0.02)] },
      reference: { elapsed: 0.01, rows: [waits('check(db)', 0, 0.01), waits('check(api)', 0, 0.01)] },
    };
    const rows = rowsOf(<TimelineView timeline={blocking} width={80} />);
    expect(bar(rows[1]!).cells.trim()).toMatch(/^█+$/);
    expect(bar(rows[3]!).cells.trim()).toMatch(/^█░+$/);
  });

  test('a call that starts and finishes at the same instant is still a visible tick; 0 ms total', () => {
    const instant: Timeline = {
      case: 'c',
      learner: { elapsed: 0, rows: [{ label: 'create_receipt(ORD-7)', kind: 'call', events: [] }] },
      reference: { elapsed: 0, rows: [waits('create_receipt(ORD-7)', 0, 0)] },
    };
    const rows = rowsOf(<TimelineView timeline={instant} width={80} />);
    expect(rows[1]).toMatch(/│never started\s+│$/);
    expect(bar(rows[2]!).cells.trim()).toBe('█');
    expect(rows[4]).toMatch(/^yours 0 ms · reference 0 ms/);
  });

  test('without a reference run only the learner is drawn', () => {
    const rows = rowsOf(<TimelineView timeline={{ ...timeline, reference: null }} width={80} />);
    expect(rows.some((r) => r.startsWith('reference'))).toBe(false);
    expect(rows[rows.length - 1]).toMatch(/^yours 50 ms · no reference run/);
  });

  test('many rows are capped with "+N more"', () => {
    const many: TimelineRun = { elapsed: 0.03, rows: Array.from({ length: 30 }, (_, i) => waits(`t${i}`, i * 0.001, i * 0.001 + 0.001)) };
    const rows = rowsOf(<TimelineView timeline={{ case: 'c', learner: many, reference: concurrent }} width={80} />);
    expect(rows.filter((r) => /^(yours)?\s+t\d+\s+│/.test(r))).toHaveLength(7);
    expect(rows.some((r) => r.includes('│+23 more'))).toBe(true);
  });

  test('a height is never exceeded, and each run keeps at least a row', () => {
    for (let height = 4; height <= 14; height++) {
      const rows = rowsOf(<TimelineView timeline={timeline} width={80} height={height} />);
      expect(rows.length, `height ${height}`).toBeLessThanOrEqual(height);
      expect(rows.some((r) => r.startsWith('yours ') && r.includes('│')), `height ${height}`).toBe(true);
      expect(rows.some((r) => r.startsWith('reference ') && r.includes('│')), `height ${height}`).toBe(true);
    }
  });

  test('fits in 40 columns, keeping the arguments of cut labels', () => {
    const rows = rowsOf(<TimelineView timeline={timeline} width={40} />);
    for (const r of rows) expect(columns(r), r).toBeLessThanOrEqual(40);
    expect(rows.some((r) => r.includes('…(search)'))).toBe(true);
    expect(barRows(rows, '(db)')).toHaveLength(2);
  });

  test('an error ends the bar with ✗', () => {
    const failing: TimelineRow = { label: 'f()', kind: 'call', events: [{ t: 0, kind: 'start' }, { t: 0, kind: 'suspend' }, { t: 0.01, kind: 'resume' }, { t: 0.01, kind: 'error' }] };
    expect(barCells(failing, 0.01, 10, 0.01)).toBe('█░░░░░░░░✗');
  });

  test('colours the learner and the reference differently; plain under NO_COLOR', () => {
    const colour = frameOf(<TimelineView timeline={timeline} width={80} />);
    expect(colour).toContain('\u001B[33m'); // learner: yellow
    expect(colour).toContain('\u001B[36m'); // reference: cyan
    vi.stubEnv('NO_COLOR', '1');
    expect(hasEscapes(frameOf(<TimelineView timeline={timeline} width={80} />))).toBe(false);
  });
});

test('formatDuration', () => {
  expect(formatDuration(0)).toBe('0 ms');
  expect(formatDuration(0.065)).toBe('65 ms');
  expect(formatDuration(0.0325)).toBe('32.5 ms');
  expect(formatDuration(0.0025)).toBe('2.5 ms');
  expect(formatDuration(600)).toBe('600 s');
  expect(formatDuration(1.25)).toBe('1.25 s');
});

test('a task that yields tens of thousands of times still draws (no argument-count limit)', () => {
  const events: TimelineRow['events'] = [{ t: 0, kind: 'start' }];
  for (let i = 1; i <= 200_000; i++) events.push({ t: i * 0.0001, kind: i % 2 ? 'suspend' : 'resume' });
  const spinning: Timeline = { case: 'c', learner: { elapsed: 20, rows: [{ label: 'spin()', kind: 'task', events }] }, reference: null };
  const rows = rowsOf(<TimelineView timeline={spinning} width={60} />);
  expect(rows[1]).toMatch(/^yours\s+spin\(\)\s+│█.*…│$/);
  expect(rows[rows.length - 1]).toMatch(/^yours 20 s/);
});
