#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ can keep compiled code between runs: the Ink app starts noticeably faster. Node 20 has no
// such cache and skips this.
module.enableCompileCache?.();

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('async-katas: the CLI is not built yet (dist/cli.js is missing); run npm install, or npm run build\n');
  process.exit(2);
}
// A bare start on a terminal may show the saved home frame before the app has loaded (src/preframe.ts).
const args = process.argv.slice(2);
if (args.length <= 2 && process.stdout.isTTY && process.stdin.isTTY) {
  try {
    (await import(new URL('../dist/preframe.js', import.meta.url).href)).replayHomeFrame(args);
  } catch {
    // only ever a head start: the app draws the same frame itself
  }
}
await import(cli.href);
