// The key-help line at the bottom of a screen: `e edit · c check · esc back`, cut to one row.
import type { KeyBinding } from '../keys.js';
import { palette } from '../theme.js';
import { Lines } from './Lines.js';
import { lineWidth, type Line } from './text.js';

export interface KeyHelpProps {
  keys: readonly KeyBinding[];
  width: number;
}

/** As many whole `key label` pairs as fit in `width`, then `…` when some were left out. */
export function keyHelpLine(keys: readonly KeyBinding[], width: number): Line {
  const line: Line = [];
  for (const [i, binding] of keys.entries()) {
    const pair: Line = [
      ...(i > 0 ? [{ text: ' · ', color: palette.muted }] : []),
      { text: binding.key, color: palette.accent, bold: true },
      { text: ` ${binding.label}`, color: palette.muted },
    ];
    const rest = i < keys.length - 1 ? 2 : 0; // room for " …" unless this is the last pair
    if (lineWidth(line) + lineWidth(pair) + rest > width) {
      line.push({ text: line.length ? ' …' : '…', color: palette.muted });
      break;
    }
    line.push(...pair);
  }
  return line;
}

export function KeyHelp({ keys, width }: KeyHelpProps) {
  return <Lines lines={[keyHelpLine(keys, width)]} width={width} />;
}
