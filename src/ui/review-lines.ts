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
function wrapKeepingBreaks(text: string, width: number): Line[] {
  return text.split(/\r?\n/).flatMap((row): Line[] => {
    if (row.trim() === '') return [[]];
    // Indentation is kept on every row the line wraps into (wrapSpans drops leading spaces).
    const indent = /^\s*/.exec(row)![0].replace(/\t/g, '    ');
    const pad = indent.length < width / 2 ? indent : '';
    const body = wrapSpans([{ text: row.trimStart() }], Math.max(1, width - pad.length), { keepSpaces: true });
    return pad ? prefixLines(body, [{ text: pad }], [{ text: pad }]) : body;
  });
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

/** The first row to show, moved from `top` no more than needed to bring rows [start, end) into a view of
 * `view` rows (their start first, when they are taller than the view). */
export function scrollTo(top: number, start: number, end: number, view: number, total: number): number {
  let next = top;
  if (end > next + view) next = Math.min(start, end - view);
  if (start < next) next = start;
  return Math.max(0, Math.min(next, Math.max(0, total - view)));
}
