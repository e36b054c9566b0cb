// What the learner's code printed, in a bordered box of bounded size: a print in a loop must not push
// the verdict off the screen.
import { palette } from '../theme.js';
import { Lines } from './Lines.js';
import { lineWidth, sanitize, splitLines, truncate, truncateLine, type Line } from './text.js';

export interface OutputBoxProps {
  output: string;
  /** Rows of output inside the box (at least 1); the border adds 2 rows (see outputBoxHeight). */
  maxLines: number;
  width: number;
  /** Shown in the top border. */
  title?: string;
}

/** The rows inside the box: the first lines of the output, and "… N more lines" when cut. */
export function outputLines(output: string, maxLines: number, width: number): Line[] {
  const all = splitLines(sanitize(output).trimEnd());
  const room = Math.max(1, maxLines);
  if (all.length <= room) return all.map((text) => truncateLine([{ text }], width));
  const shown = all.slice(0, room - 1).map((text) => truncateLine([{ text }], width));
  const left = all.length - shown.length;
  return [...shown, [{ text: `… ${left} more line${left === 1 ? '' : 's'}`, color: palette.muted }]];
}

/** Rows the box takes for this output, border included: a screen can budget for it before drawing. */
export function outputBoxHeight(output: string, maxLines: number): number {
  return Math.min(Math.max(1, maxLines), splitLines(sanitize(output).trimEnd()).length) + 2;
}

/** The box as rows. Drawn by hand rather than with Ink's border, to put the title in the top edge. */
export function outputBoxLines({ output, maxLines, width, title = 'your output' }: OutputBoxProps): Line[] {
  const inner = Math.max(1, width - 4);
  const edge = { color: palette.muted };
  const label = truncate(` ${title} `, Math.max(0, inner - 1));
  const top: Line = [{ ...edge, text: `╭─${label}${'─'.repeat(Math.max(0, inner + 1 - label.length))}╮` }];
  const rows = outputLines(output, maxLines, inner).map((line): Line => [
    { ...edge, text: '│ ' },
    ...line,
    { text: ' '.repeat(Math.max(0, inner - lineWidth(line))) },
    { ...edge, text: ' │' },
  ]);
  const bottom: Line = [{ ...edge, text: `╰${'─'.repeat(inner + 2)}╯` }];
  return [top, ...rows, bottom];
}

export function OutputBox(props: OutputBoxProps) {
  return <Lines lines={outputBoxLines(props)} width={props.width} />;
}
