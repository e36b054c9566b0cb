// Markdown (marked's tokens) laid out as terminal rows of a given width. Rows, not Ink boxes: the
// explanation screen scrolls by row and must know how many there are.
import { marked, type Token, type Tokens } from 'marked';
import { codePalette, palette } from '../theme.js';
import { canHighlight, highlightLines } from './highlight.js';
import { prefixLines, sanitize, styled, textWidth, truncate, truncateLine, wrapSpans, type Line, type Span, type Style } from './text.js';

export interface MarkdownOptions {
  /** No colour: headings, inline code and struck text keep their markdown marks (`##`, backticks, `~~`). */
  plain: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// marked's lexer leaves entities as written (its HTML renderer would let a browser decode them).
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function inline(tokens: readonly Token[] | undefined, style: Style, opts: MarkdownOptions): Span[] {
  const out: Span[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) out.push(...inline(t.tokens, style, opts));
        else out.push({ ...style, text: sanitize(decode(t.text)) });
        break;
      }
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, { ...style, bold: true }, opts));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, { ...style, italic: true }, opts));
        break;
      case 'del': {
        const inner = inline((token as Tokens.Del).tokens, { ...style, strikethrough: true }, opts);
        out.push(...(opts.plain ? [{ ...style, text: '~~' }, ...inner, { ...style, text: '~~' }] : inner));
        break;
      }
      case 'codespan': {
        const text = sanitize(decode((token as Tokens.Codespan).text));
        out.push({ ...style, color: codePalette.inline ?? undefined, text: opts.plain ? `\`${text}\`` : text });
        break;
      }
      case 'link': {
        const link = token as Tokens.Link;
        const inner = inline(link.tokens, { ...style, underline: true }, opts);
        out.push(...inner);
        // The address is printed: a terminal may not make the text clickable, and the learner can copy it.
        const shown = inner.map((s) => s.text).join('');
        if (link.href && link.href !== shown && `mailto:${shown}` !== link.href) {
          out.push({ ...style, text: ` (${sanitize(link.href)})`, color: palette.muted });
        }
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        out.push({ ...style, text: `[image: ${sanitize(image.text)}] (${sanitize(image.href)})`, color: palette.muted });
        break;
      }
      case 'br':
        out.push({ text: '', br: true });
        break;
      case 'checkbox':
        out.push({ ...style, text: (token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ' });
        break;
      default:
        // Inline HTML and anything newer than this code: its text as written.
        if ('tokens' in token && Array.isArray(token.tokens)) out.push(...inline(token.tokens as Token[], style, opts));
        else out.push({ ...style, text: sanitize(decode((token as Tokens.Generic).raw)) });
    }
  }
  return out;
}

function codeBlock(code: Tokens.Code, width: number): Line[] {
  const lang = code.lang?.trim().split(/\s+/)[0]?.toLowerCase();
  const lines = highlightLines(code.text, canHighlight(lang) ? lang : null);
  // A bar instead of a background: it marks the block with or without colour, and copy-paste keeps the code.
  return lines.map((line) => truncateLine([{ text: '│ ', color: palette.muted }, ...line], width));
}

function table(token: Tokens.Table, width: number, opts: MarkdownOptions): Line[] {
  const cell = (c: Tokens.TableCell, header: boolean) => inline(c.tokens, header ? { bold: true } : {}, opts);
  const rows = [token.header.map((c) => cell(c, true)), ...token.rows.map((r) => r.map((c) => cell(c, false)))];
  const columns = token.header.length;
  const widths = Array.from({ length: columns }, (_, i) => Math.max(1, ...rows.map((r) => textWidth((r[i] ?? []).map((s) => s.text).join('')))));
  const sep = 3 * (columns - 1);
  // Shrink the widest column until the table fits; a cell too long for its column ends in `…`.
  while (widths.reduce((a, b) => a + b, 0) + sep > width && Math.max(...widths) > 3) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest]! -= 1;
  }
  const drawRow = (r: Span[][]): Line => {
    const line: Line = [];
    r.forEach((spans, i) => {
      if (i > 0) line.push({ text: ' │ ', color: palette.muted });
      const cut = truncateLine(spans, widths[i]!);
      const pad = widths[i]! - cut.reduce((sum, s) => sum + textWidth(s.text), 0);
      line.push(...cut, { text: ' '.repeat(Math.max(0, pad)) });
    });
    return truncateLine(line, width);
  };
  const rule: Line = [{ text: truncate(widths.map((w) => '─'.repeat(w)).join('─┼─'), width), color: palette.muted }];
  return [drawRow(rows[0]!), rule, ...rows.slice(1).map(drawRow)];
}

function list(token: Tokens.List, width: number, opts: MarkdownOptions): Line[] {
  const out: Line[] = [];
  const start = typeof token.start === 'number' ? token.start : 1;
  const markers = token.items.map((_, i) => (token.ordered ? `${start + i}. ` : '• '));
  const markerWidth = Math.max(...markers.map(textWidth));
  token.items.forEach((item, i) => {
    // A tight task item starts with a checkbox token of its own; it belongs on the text's first row.
    const [head, ...rest] = item.tokens;
    const box: Span[] = head?.type === 'checkbox' ? [{ text: (head as Tokens.Checkbox).checked ? '[x] ' : '[ ] ' }] : [];
    const tokens = box.length ? rest : item.tokens;
    const body = blocks(tokens, Math.max(4, width - markerWidth - textWidth(box[0]?.text ?? '')), opts, item.loose);
    if (box.length) body[0] = [...box, ...(body[0] ?? [])];
    const first: Line = [{ text: markers[i]!.padEnd(markerWidth), color: palette.accent }];
    if (item.loose && i > 0) out.push([]);
    out.push(...prefixLines(body.length ? body : [[]], first, [{ text: ' '.repeat(markerWidth) }]));
  });
  return out;
}

function block(token: Token, width: number, opts: MarkdownOptions): Line[] | null {
  switch (token.type) {
    case 'heading': {
      const h = token as Tokens.Heading;
      const style: Style = { bold: true, color: h.depth <= 2 ? palette.accent : undefined, underline: h.depth === 1 };
      const mark: Span[] = opts.plain ? [{ text: `${'#'.repeat(h.depth)} ` }] : [];
      return wrapSpans([...mark, ...inline(h.tokens, style, opts)], width);
    }
    case 'paragraph':
    case 'text': {
      const t = token as Tokens.Paragraph | Tokens.Text;
      return wrapSpans(t.tokens?.length ? inline(t.tokens, {}, opts) : [{ text: sanitize(decode(t.text)) }], width);
    }
    case 'code':
      return codeBlock(token as Tokens.Code, width);
    case 'list':
      return list(token as Tokens.List, width, opts);
    case 'blockquote': {
      const inner = blocks((token as Tokens.Blockquote).tokens, Math.max(4, width - 2), opts, true);
      return inner.map((line) => [{ text: '│ ', color: palette.muted }, ...styled(line, { italic: true })]);
    }
    case 'hr':
      return [[{ text: '─'.repeat(width), color: palette.muted }]];
    case 'table':
      return table(token as Tokens.Table, width, opts);
    case 'html':
      return sanitize(decode((token as Tokens.HTML).text))
        .trimEnd()
        .split('\n')
        .map((text) => truncateLine([{ text, color: palette.muted }], width));
    case 'space':
    case 'def':
      return null;
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return wrapSpans(inline(token.tokens as Token[], {}, opts), width);
      return wrapSpans([{ text: sanitize((token as Tokens.Generic).raw) }], width);
  }
}

/** Blocks one after another; `spaced`: a blank row between them (not inside a tight list item). */
function blocks(tokens: readonly Token[], width: number, opts: MarkdownOptions, spaced: boolean): Line[] {
  const out: Line[] = [];
  for (const token of tokens) {
    const lines = block(token, width, opts);
    if (lines === null || lines.length === 0) continue;
    if (out.length > 0 && spaced) out.push([]);
    out.push(...lines);
  }
  return out;
}

/** Every row of `source` rendered at `width` columns (at least 10). */
export function markdownToLines(source: string, width: number, opts: MarkdownOptions): Line[] {
  const tokens = marked.lexer(source.replace(/\r\n?/g, '\n'));
  return blocks(tokens, Math.max(10, width), opts, true);
}
