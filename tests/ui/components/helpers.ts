// Rendering helpers for component tests: the last frame as text, and its rows without colour codes.
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

/** The frame a component draws, as written (escape codes included). Unmounted after, so no timer lingers. */
export function frameOf(element: ReactElement): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

// SGR sequences only: what Ink writes for colour and style.
const SGR = /\u001B\[[0-9;]*m/g;

export function plain(frame: string): string {
  return frame.replace(SGR, '');
}

/** The rows of a frame without colour codes, trailing spaces dropped. */
export function rowsOf(element: ReactElement): string[] {
  const text = plain(frameOf(element));
  return text === '' ? [] : text.split('\n').map((row) => row.trimEnd());
}

/** Columns a row takes (all test text is one column per code point). */
export function columns(row: string): number {
  return [...row].length;
}

export function hasEscapes(frame: string): boolean {
  return frame.includes('\u001B');
}
