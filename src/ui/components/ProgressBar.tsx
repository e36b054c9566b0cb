// Overall progress: `[████░░░░] 2/5`.
import { palette } from '../theme.js';
import { Lines } from './Lines.js';
import type { Line } from './text.js';

export interface ProgressBarProps {
  done: number;
  total: number;
  /** Columns for the whole thing: brackets, bar and count. */
  width: number;
}

export function progressBarLine({ done, total, width }: ProgressBarProps): Line {
  const count = ` ${done}/${total}`;
  const cells = Math.max(1, width - 2 - count.length);
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  // Nearest cell, except that any progress shows at least one cell and only all-done fills the bar.
  let filled = Math.round(ratio * cells);
  if (ratio > 0 && filled === 0) filled = 1;
  if (ratio < 1 && filled === cells) filled = cells - 1;
  return [
    { text: '[', color: palette.muted },
    { text: '█'.repeat(filled), color: palette.pass },
    { text: '░'.repeat(cells - filled), color: palette.muted },
    { text: ']', color: palette.muted },
    { text: count, bold: true },
  ];
}

export function ProgressBar(props: ProgressBarProps) {
  // No width of its own: the bar sits in a row with other text, and is as wide as it is drawn.
  return <Lines lines={[progressBarLine(props)]} />;
}
