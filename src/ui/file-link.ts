// A file path as a terminal hyperlink (OSC 8) where a terminal can show one; plain text otherwise.
import { pathToFileURL } from 'node:url';

export function fileLink(file: string, enabled = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR): string {
  if (!enabled) return file;
  return `\u001b]8;;${pathToFileURL(file).href}\u0007${file}\u001b]8;;\u0007`;
}
