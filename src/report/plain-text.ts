// Markdown to plain text for `explain` (screen readers, pipes): no markup characters, code kept verbatim
// and indented so it stands apart from prose.
import type { ExplanationSection } from '../core/catalog.js';
import type { Colors } from './color.js';

export function formatExplanation(title: string, sections: readonly ExplanationSection[], c: Colors): string {
  const out = [c.bold(title)];
  for (const section of sections) out.push('', c.bold(section.title), '', ...markdownToPlain(section.body));
  return `${out.join('\n').trimEnd()}\n`;
}

export function markdownToPlain(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const mark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (mark && (fence === undefined || fence === mark)) {
      fence = fence ? undefined : mark;
      continue;
    }
    if (fence) {
      lines.push(line ? `    ${line}` : '');
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table separator row
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      lines.push(inline(heading[1]!));
      continue;
    }
    const bullet = /^(\s*)[*+-]\s+(.*)$/.exec(line);
    if (bullet) {
      lines.push(`${bullet[1]}- ${inline(bullet[2]!)}`);
      continue;
    }
    const table = /^\s*\|(.*)\|\s*$/.exec(line);
    if (table) {
      lines.push(table[1]!.split('|').map((cell) => inline(cell.trim())).join('  |  '));
      continue;
    }
    lines.push(inline(line));
  }
  return lines;
}

/** Inline markup outside code spans: emphasis and link syntax go, the words stay; code spans lose their backticks. */
function inline(text: string): string {
  // Code spans wait behind placeholders, so `**kwargs` is never read as emphasis, while **`await`** is.
  const spans: string[] = [];
  const held = text.replace(/(`+)(.*?)\1/g, (_m, _ticks: string, code: string) => `\u0000${spans.push(code.trim()) - 1}\u0000`);
  return held
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_m, words: string, url: string) => (words && words !== url ? `${words} (${url})` : url))
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^*_]+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => spans[Number(i)]!);
}
