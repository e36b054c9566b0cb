// Syntax highlighting as styled lines. Only the Python grammar is registered (not lowlight's `common`
// set of 37 languages): it is the only language the katas show, and the bundle stays small.
import python from 'highlight.js/lib/languages/python';
import { createLowlight } from 'lowlight';
import { codePalette, type CodeToken } from '../theme.js';
import { sanitize, splitLines, type Line } from './text.js';

type Lowlight = ReturnType<typeof createLowlight>;
let lowlight: Lowlight | undefined;

// Created on first use: a start-up that never shows code does not pay for it.
function instance(): Lowlight {
  lowlight ??= createLowlight({ python });
  return lowlight;
}

/** The hast nodes lowlight returns, as far as we read them. */
interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  properties?: { className?: unknown };
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string };

/** `['hljs-title', 'function_']` -> title; `['hljs-variable', 'language_']` -> variable.language. */
function tokenOf(className: unknown): CodeToken | undefined {
  if (!Array.isArray(className)) return undefined;
  const names = className.map(String);
  const main = names.find((n) => n.startsWith('hljs-'))?.slice(5);
  if (!main) return undefined;
  const sub = names.find((n) => !n.startsWith('hljs-'))?.replace(/_$/, '');
  const full = sub ? `${main}.${sub}` : main;
  if (full in codePalette) return full as CodeToken;
  return main in codePalette ? (main as CodeToken) : undefined;
}

/** Whether `language` gets colours; anything else is shown plain. */
export function canHighlight(language: string | null | undefined): language is string {
  return typeof language === 'string' && language !== '' && instance().registered(language);
}

/**
 * One styled line per source line. A span that crosses lines (a docstring) is cut at each newline and
 * keeps its colour on every line. Text is sanitized (tabs expanded, control characters dropped).
 */
export function highlightLines(code: string, language: string | null): Line[] {
  const source = splitLines(code).map(sanitize).join('\n');
  if (!canHighlight(language)) return source.split('\n').map((text) => (text ? [{ text }] : []));
  const lines: Line[] = [[]];
  const walk = (nodes: HastNode[], color: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        (node as HastText).value.split('\n').forEach((part, i) => {
          if (i > 0) lines.push([]);
          if (part) lines[lines.length - 1]!.push(color ? { text: part, color } : { text: part });
        });
      } else if (node.type === 'element') {
        const element = node as HastElement;
        const token = tokenOf(element.properties?.className);
        walk(element.children, token ? (codePalette[token] ?? undefined) : color);
      }
    }
  };
  walk(instance().highlight(language, source).children as HastNode[], undefined);
  return lines;
}
