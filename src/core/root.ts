// Locates the installed package (katas/ and harness/ live there), whether running from the bundled
// dist/cli.js or from src/ under vitest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'async-katas';
let cached: string | undefined;

/** Where katas/ and harness/ are read from. */
export function packageRoot(): string {
  // Lets tests and kata authors point the CLI at another tree of katas/ and harness/.
  const override = process.env.ASYNC_KATAS_ROOT;
  return override ? path.resolve(override) : installRoot();
}

/** The folder of this package's own package.json. */
export function installRoot(): string {
  cached ??= findUp(path.dirname(fileURLToPath(import.meta.url)));
  return cached;
}

function findUp(start: string): string {
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === PACKAGE_NAME) return dir;
    } catch {
      // no package.json here, or not ours
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`async-katas: cannot find its own package.json above ${start}`);
    dir = parent;
  }
}

export function packageVersion(root: string = installRoot()): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
