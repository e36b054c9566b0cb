// A markdown document (a kata's explanation) drawn as rows; `offset` and `height` give a window on it,
// so a screen can scroll a long explanation without ever being taller than the terminal.
import { colorEnabled } from '../theme.js';
import { Lines } from './Lines.js';
import { markdownToLines } from './markdown-lines.js';
import type { Line } from './text.js';

export interface MarkdownProps {
  source: string;
  width: number;
  /** Rows to draw; all of them when not given. */
  height?: number;
  /** First row to draw (0-based), for scrolling. */
  offset?: number;
}

// One entry: a scrolling screen asks for the same document at the same width on every key press.
let cache: { source: string; width: number; plain: boolean; lines: Line[] } | undefined;

/** All rows of `source` at `width` columns; a screen scrolls over these. */
export function markdownLines(source: string, width: number): Line[] {
  const plain = !colorEnabled();
  if (cache && cache.source === source && cache.width === width && cache.plain === plain) return cache.lines;
  const lines = markdownToLines(source, width, { plain });
  cache = { source, width, plain, lines };
  return lines;
}

/** How many rows `source` takes at `width`: the scroll range is [0, count - height]. */
export function markdownLineCount(source: string, width: number): number {
  return markdownLines(source, width).length;
}

export function Markdown({ source, width, height, offset = 0 }: MarkdownProps) {
  const all = markdownLines(source, width);
  const start = Math.max(0, Math.min(offset, all.length - 1));
  const lines = height === undefined ? all.slice(start) : all.slice(start, start + Math.max(0, height));
  return <Lines lines={lines} width={width} />;
}
