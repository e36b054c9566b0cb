// Quiz mode's question as rows, measured here so the screen can window them: a long prompt or long
// `why` texts must not push the key help off a 20-row terminal.
import type { QuizItem } from '../core/review.js';
import { palette } from './theme.js';
import { prefixLines, wrapSpans, type Line, type Span } from './components/text.js';

export interface QuestionLines {
  lines: Line[];
  /** Rows of each choice (its text and, once answered, its why): [first, end). */
  choiceRows: [number, number][];
  /** The first row of the choices. */
  choicesStart: number;
}

/** Rows of a text whose line breaks and indentation mean something (prompts quote code). */
function wrapKeepingBreaks(text: string, width: number, style: Omit<Span, 'text'> = {}): Line[] {
  return text.split(/\r?\n/).flatMap((row) => (row.trim() === '' ? [[]] : wrapSpans([{ ...style, text: row }], width, { keepSpaces: true })));
}

/**
 * The prompt, then each choice numbered from 1. Before an answer `selected` carries the cursor; after
 * one (`answered`), every choice is marked ✓ (the right one) or ✗ (the learner's wrong one) and its
 * why follows, so the marks carry the meaning without colour.
 */
export function questionLines(item: QuizItem, width: number, selected: number, answered?: number): QuestionLines {
  const lines: Line[] = wrapKeepingBreaks(item.prompt, width);
  lines.push([]);
  const choicesStart = lines.length;
  const choiceRows: [number, number][] = [];
  const indent = 5;
  item.choices.forEach((choice, i) => {
    const start = lines.length;
    const number = `${i + 1}. `;
    let mark: Span;
    let color: string | undefined;
    if (answered === undefined) {
      mark = i === selected ? { text: '❯ ', color: palette.accent, bold: true } : { text: '  ' };
      color = i === selected ? palette.accent : undefined;
    } else if (choice.correct) {
      mark = { text: '✓ ', color: palette.pass, bold: true };
      color = palette.pass;
    } else if (i === answered) {
      mark = { text: '✗ ', color: palette.fail, bold: true };
      color = palette.fail;
    } else {
      mark = { text: '  ' };
    }
    const text = answered === i ? `${choice.text} (your answer)` : choice.text;
    const body = wrapSpans([{ text, color }], Math.max(1, width - indent));
    lines.push(...prefixLines(body, [mark, { text: number, color, bold: i === selected && answered === undefined }], [{ text: ' '.repeat(indent) }]));
    if (answered !== undefined) {
      const why = wrapSpans([{ text: choice.why, color: palette.muted }], Math.max(1, width - indent));
      lines.push(...prefixLines(why, [{ text: ' '.repeat(indent) }], [{ text: ' '.repeat(indent) }]));
      if (i < item.choices.length - 1) lines.push([]);
    }
    choiceRows.push([start, lines.length]);
  });
  return { lines, choiceRows, choicesStart };
}

/** The first row to show so that rows [start, end) are in a view of `view` rows, as much above as fits. */
export function offsetShowing(start: number, end: number, view: number, total: number): number {
  const last = Math.max(0, total - view);
  return Math.min(last, Math.max(0, Math.min(start, end - view)));
}
