// A choosable list with headings between its sections (the home screen's built-in katas, then each
// pack). Headings are never selected; the window scrolls to keep the cursor, and the heading just above
// it, in view. ink-select-input has no headings and rotates its items instead of scrolling.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { colorEnabled, theme } from '../theme.js';
import { truncate } from './text.js';

export type ListRow = { kind: 'heading'; text: string } | { kind: 'item'; value: string; label: string };

interface Props {
  rows: ListRow[];
  /** The value selected at first; the first item when absent or unknown. */
  initialValue?: string;
  /** Rows shown at once. */
  limit: number;
  width: number;
  onSelect: (value: string) => void;
}

/** The first row to show: the cursor's row in view, with its heading when that fits. */
export function windowStart(rows: readonly ListRow[], cursor: number, limit: number, previous: number): number {
  const last = Math.max(0, rows.length - limit);
  let top = Math.min(previous, last);
  const wanted = rows[cursor - 1]?.kind === 'heading' ? cursor - 1 : cursor;
  if (wanted < top) top = wanted;
  if (cursor >= top + limit) top = cursor - limit + 1;
  return Math.max(0, Math.min(top, last));
}

export function SectionList({ rows, initialValue, limit, width, onSelect }: Props) {
  const items = rows.flatMap((row, i) => (row.kind === 'item' ? [i] : []));
  const start = Math.max(0, items.findIndex((i) => (rows[i] as { value: string }).value === initialValue));
  const [position, setPosition] = useState({ at: start, top: windowStart(rows, items[start] ?? 0, limit, 0) });
  const at = Math.min(position.at, Math.max(0, items.length - 1));
  const cursor = items[at] ?? 0;
  const top = windowStart(rows, cursor, limit, position.top);

  useInput((input, key) => {
    if (items.length === 0) return;
    const move = (to: number) => setPosition({ at: to, top: windowStart(rows, items[to]!, limit, top) });
    if (key.downArrow || input === 'j') move((at + 1) % items.length);
    else if (key.upArrow || input === 'k') move((at - 1 + items.length) % items.length);
    else if (key.return) onSelect((rows[cursor] as { value: string }).value);
  });

  return (
    <Box flexDirection="column" width={width}>
      {rows.slice(top, top + limit).map((row, i) => {
        if (row.kind === 'heading') {
          return (
            <Text key={`h${top + i}`} bold={colorEnabled()} color={theme.muted} wrap="truncate">
              {truncate(row.text, width)}
            </Text>
          );
        }
        const selected = top + i === cursor;
        return (
          <Text key={row.value} color={selected ? theme.accent : undefined} wrap="truncate">
            {selected ? '❯ ' : '  '}
            {row.label}
          </Text>
        );
      })}
    </Box>
  );
}
