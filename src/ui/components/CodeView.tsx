// The learner's code: line numbers, highlighting, failing lines marked with their reason, and a window
// of at most `height` rows around the line that matters, so a long file never makes the frame too tall.
import { useMemo } from 'react';
import { palette } from '../theme.js';
import { highlightLines } from './highlight.js';
import { Lines } from './Lines.js';
import { lineWidth, truncateLine, type Line } from './text.js';

export interface CodeViewProps {
  code: string;
  /** Only `python` is highlighted; anything else is shown plain. */
  language?: string;
  /** 1-based line -> short reason (a diagnostic kind, a few words). */
  markedLines?: ReadonlyMap<number, string>;
  /** Rows available; the view never draws more. */
  height: number;
  width: number;
  /** 1-based line to keep in view; the first marked line by default, else the top. */
  focusLine?: number;
}

/** The rows of one source line: the line itself, and its reason below when it does not fit beside it. */
function sourceRows(code: Line, n: number, numberWidth: number, reason: string | undefined, focus: boolean, width: number): Line[] {
  const color = reason !== undefined ? palette.fail : palette.muted;
  // `!` marks a failing line and `>` the focused one, so both read without colour.
  const mark = reason !== undefined ? '!' : focus ? '>' : ' ';
  const gutter: Line = [
    { text: mark, color: palette.fail, bold: true },
    { text: ` ${String(n).padStart(numberWidth)} │ `, color, bold: reason !== undefined },
  ];
  const room = Math.max(1, width - lineWidth(gutter));
  if (reason === undefined) return [[...gutter, ...truncateLine(code, room)]];
  const note: Line = [{ text: `  ← ${reason}`, color: palette.fail, bold: true }];
  if (lineWidth(code) + lineWidth(note) <= room) return [[...gutter, ...code, ...note]];
  const under: Line = [
    { text: `  ${' '.repeat(numberWidth)} │ `, color: palette.muted },
    { text: `↑ ${reason}`, color: palette.fail, bold: true },
  ];
  return [[...gutter, ...truncateLine(code, room)], truncateLine(under, width)];
}

/**
 * Which source lines [start, end) to show: as many as fit in `height` rows around `focus`, growing one
 * line above and one below in turn, counting a "… N lines above/below" row for each side that is cut.
 */
export function codeWindow(rowsPerLine: readonly number[], focus: number, height: number): [number, number] {
  const n = rowsPerLine.length;
  const prefix = [0];
  for (const rows of rowsPerLine) prefix.push(prefix[prefix.length - 1]! + rows);
  if (prefix[n]! <= height) return [0, n];
  const cost = (s: number, e: number) => prefix[e]! - prefix[s]! + (s > 0 ? 1 : 0) + (e < n ? 1 : 0);
  let start = Math.min(Math.max(0, focus), n - 1);
  let end = start + 1;
  for (let grew = true; grew; ) {
    grew = false;
    if (start > 0 && cost(start - 1, end) <= height) {
      start -= 1;
      grew = true;
    }
    if (end < n && cost(start, end + 1) <= height) {
      end += 1;
      grew = true;
    }
  }
  return [start, end];
}

function more(count: number, where: 'above' | 'below', width: number): Line {
  return truncateLine([{ text: `  … ${count} line${count === 1 ? '' : 's'} ${where}`, color: palette.muted }], width);
}

/** The rows CodeView draws, at most `height` of them. */
export function codeViewLines({ code, language = 'python', markedLines, height, width, focusLine }: CodeViewProps): Line[] {
  if (height <= 0) return [];
  const source = highlightLines(code, language ?? null);
  const marks = markedLines ?? new Map<number, string>();
  const firstMark = [...marks.keys()].filter((n) => n >= 1 && n <= source.length).sort((a, b) => a - b)[0];
  const focus = focusLine ?? firstMark ?? 1;
  const numberWidth = String(source.length).length;
  const rows = source.map((line, i) => sourceRows(line, i + 1, numberWidth, marks.get(i + 1), focusLine === i + 1, width));
  const focusIndex = Math.min(Math.max(focus, 1), source.length) - 1;
  const [start, end] = codeWindow(
    rows.map((r) => r.length),
    focusIndex,
    height,
  );
  const shown = rows.slice(start, end).flat();
  const out = [...(start > 0 ? [more(start, 'above', width)] : []), ...shown, ...(end < rows.length ? [more(rows.length - end, 'below', width)] : [])];
  // Too few rows even for the focused line and its markers: the focused line wins over the markers.
  if (out.length > height) return rows[focusIndex]!.slice(0, height);
  return out;
}

export function CodeView(props: CodeViewProps) {
  const { code, language, markedLines, height, width, focusLine } = props;
  // Keyed on the marks' contents: a screen builds a new Map on every render (a spinner frame), and
  // highlighting again each time would be wasted work.
  const marks = markedLines ? [...markedLines].map(([n, reason]) => `${n}:${reason}`).join('\n') : '';
  const lines = useMemo(
    () => codeViewLines({ code, language, markedLines, height, width, focusLine }),
    // `marks` stands for markedLines in the dependencies.
    [code, language, marks, height, width, focusLine],
  );
  return <Lines lines={lines} width={width} />;
}
