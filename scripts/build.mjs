// Bundles the CLI so `check` starts from one small set of files instead of resolving node_modules at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  // Splitting keeps rarely used commands (dev check, later the Ink UI) out of the `check` start-up path.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // commander is CommonJS and calls require() for node builtins; an ESM bundle has no require of its own.
  banner: {
    js: "import { createRequire as __akCreateRequire } from 'node:module'; const require = __akCreateRequire(import.meta.url);",
  },
});
