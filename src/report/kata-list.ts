// What the bare `async-katas` command prints: the katas and how to check one.
import type { Kata } from '../core/catalog.js';
import type { Colors } from './color.js';

export function formatKataList(katas: readonly Kata[], c: Colors): string {
  const lines = [c.bold('async-katas: learn Python async by fixing broken async code'), ''];
  if (katas.length === 0) {
    lines.push('No katas are installed yet.');
  } else {
    const idWidth = Math.max(2, ...katas.map((k) => k.id.length));
    lines.push(c.dim(`  LEVEL  ${'ID'.padEnd(idWidth)}  TITLE`));
    for (const k of katas) lines.push(`  ${String(k.level).padEnd(5)}  ${c.cyan(k.id.padEnd(idWidth))}  ${k.title}`);
  }
  const example = katas[0]?.id ?? '<kata-id>';
  lines.push(
    '',
    'Copy katas/python/<kata-id>/starter.py, fix it, then check your file:',
    `  async-katas check <kata-id> --file <your-file.py>`,
    `  e.g. async-katas check ${example} --file ${example}.py`,
    '',
    'More: async-katas --help',
  );
  return `${lines.join('\n')}\n`;
}
