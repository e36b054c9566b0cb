// Styled lines measured and cut by us, not by Ink: a component that knows exactly how many rows it
// draws can promise never to be taller than it was given (a frame taller than the terminal flickers).

export interface Span {
  text: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  strikethrough?: boolean;
  /** A forced line break (markdown `br`); only wrapSpans looks at it. */
  br?: boolean;
}

/** One terminal row. */
export type Line = Span[];

export type Style = Omit<Span, 'text' | 'br'>;

// East Asian wide and fullwidth ranges, and the common emoji blocks: two columns in a terminal.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
const ZERO = /[\p{Mn}\p{Me}\u200B-\u200F\uFE00-\uFE0F]/u;

/** Columns a string takes. An approximation of string-width; Ink's own truncation is the safety net. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ZERO.test(ch)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

// CSI, OSC (ended by BEL or ST) and any other two-byte ESC sequence.
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-_])/g;
// Other C0 controls (tab and newline are handled by callers), DEL and C1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text from outside (the learner's prints, exception messages) made safe to draw on one row: an escape
 * sequence in a print could otherwise clear the screen or move the cursor under Ink. Tabs become spaces
 * to the next stop of 4, since a tab has no fixed width once Ink has laid the row out.
 */
export function sanitize(text: string): string {
  const clean = text
    .replace(ANSI, '')
    .replace(/\r\n/g, '\n')
    // A lone CR returns to the start of the row, so a terminal shows what came after the last one.
    .replace(/[^\n]*\r(?=[^\n])/g, '')
    .replace(CONTROL, '');
  if (!clean.includes('\t')) return clean;
  let out = '';
  let column = 0;
  for (const ch of clean) {
    if (ch === '\t') {
      const pad = 4 - (column % 4);
      out += ' '.repeat(pad);
      column += pad;
    } else if (ch === '\n') {
      out += ch;
      column = 0;
    } else {
      out += ch;
      column += textWidth(ch);
    }
  }
  return out;
}

/** Lines of a text block, CRLF or LF, without the empty line a final newline would add. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `text` cut to `width` columns, ending in `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = textWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

export function lineWidth(line: Line): number {
  return line.reduce((sum, span) => sum + textWidth(span.text), 0);
}

export function lineText(line: Line): string {
  return line.map((span) => span.text).join('');
}

/** A styled line cut to `width` columns; the `…` takes the style of the span it cuts. */
export function truncateLine(line: Line, width: number): Line {
  if (lineWidth(line) <= width) return line;
  const out: Line = [];
  let left = width;
  for (const span of line) {
    const w = textWidth(span.text);
    if (w < left) {
      out.push(span);
      left -= w;
      continue;
    }
    // This span reaches the edge (the `…` needs one column, so a span that exactly fits is cut too).
    out.push({ ...span, text: truncate(span.text + ' ', left) });
    break;
  }
  return out;
}

/** Applies a style to every span that does not set that property itself. */
export function styled(spans: Line, style: Style): Line {
  return spans.map((span) => ({ ...style, ...span }));
}

type Piece = { kind: 'word'; spans: Span[] } | { kind: 'space'; text: string; style: Style } | { kind: 'br' };

function pieces(spans: Span[]): Piece[] {
  const out: Piece[] = [];
  for (const span of spans) {
    if (span.br) {
      out.push({ kind: 'br' });
      continue;
    }
    const { text, br: _br, ...style } = span;
    for (const part of text.split(/(\s+)/)) {
      if (part === '') continue;
      const last = out[out.length - 1];
      if (/^\s+$/.test(part)) {
        if (last?.kind === 'space') last.text += part;
        else out.push({ kind: 'space', text: part, style });
      } else if (last?.kind === 'word') {
        // `**bold**,` is one word in two spans: it must not break between them.
        last.spans.push({ ...style, text: part });
      } else {
        out.push({ kind: 'word', spans: [{ ...style, text: part }] });
      }
    }
  }
  return out;
}

/** A word wider than a whole row, cut into row-sized pieces. */
function splitWord(spans: Span[], width: number): Span[][] {
  const rows: Span[][] = [[]];
  let used = 0;
  for (const span of spans) {
    for (const ch of span.text) {
      const w = textWidth(ch);
      if (used + w > width && used > 0) {
        rows.push([]);
        used = 0;
      }
      const row = rows[rows.length - 1]!;
      const last = row[row.length - 1];
      if (last && last !== span && sameStyle(last, span)) last.text += ch;
      else row.push({ ...span, text: ch });
      used += w;
    }
  }
  return rows;
}

function sameStyle(a: Span, b: Span): boolean {
  return (
    a.color === b.color &&
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.dim === b.dim &&
    a.strikethrough === b.strikethrough
  );
}

/**
 * Word-wraps styled text to `width` columns. Runs of whitespace (newlines included) are one space, as
 * in markdown, unless `keepSpaces` (aligned columns in a report row); a break drops them either way.
 * `br` spans force a break. Always returns at least one line.
 */
export function wrapSpans(spans: Span[], width: number, { keepSpaces = false } = {}): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  let space: { text: string; style: Style } | null = null;
  const flush = () => {
    lines.push(line);
    line = [];
    used = 0;
    space = null;
  };
  for (const piece of pieces(spans)) {
    if (piece.kind === 'br') {
      flush();
      continue;
    }
    if (piece.kind === 'space') {
      const text = keepSpaces ? piece.text.replace(/\n/g, ' ') : ' ';
      if (used > 0) space = { text, style: piece.style };
      continue;
    }
    const w = piece.spans.reduce((sum, s) => sum + textWidth(s.text), 0);
    // Words that touch (no whitespace between spans) stay together; otherwise a space goes between.
    const gap = space ? textWidth(space.text) : 1;
    if (used > 0 && used + gap + w <= width) {
      line.push({ ...(space?.style ?? {}), text: space?.text ?? ' ' }, ...piece.spans);
      used += gap + w;
      space = null;
      continue;
    }
    if (used > 0) flush();
    if (w <= width) {
      line.push(...piece.spans);
      used = w;
      space = null;
      continue;
    }
    const rows = splitWord(piece.spans, Math.max(1, width));
    rows.forEach((row, i) => {
      if (i > 0) flush();
      line.push(...row);
      used = lineWidth(row);
    });
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** Puts `first` before the first line and `rest` (usually spaces of the same width) before the others. */
export function prefixLines(lines: Line[], first: Line, rest: Line): Line[] {
  return lines.map((line, i) => [...(i === 0 ? first : rest), ...line]);
}
