// Bundles the CLI so `check` starts from one small set of files instead of resolving node_modules at run time.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'dist');
const STUB = path.join(root, 'scripts', 'stubs', 'conf-unused.js');

const result = await build({
  absWorkingDir: root,
  // preframe: what the launcher runs before the CLI, to show a saved home frame at once (ui/frame-cache.ts).
  entryPoints: { cli: 'src/cli.ts', preframe: 'src/preframe.ts' },
  outdir,
  bundle: true,
  // Splitting keeps rarely used commands (dev check, later the Ink UI) out of the `check` start-up path.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // Ink loads react-devtools-core only when DEV=true (a dynamic import); it is not a dependency.
  external: ['react-devtools-core'],
  alias: { 'ajv/dist/2020.js': STUB, 'ajv-formats': STUB, semver: STUB },
  // Less to scan and compile at every start (the trainer's first frame waits on it); the linked source
  // map maps stacks back.
  minify: true,
  // React's production build: no dev-only checks on every render of the trainer.
  define: { 'process.env.NODE_ENV': '"production"' },
  // commander is CommonJS and calls require() for node builtins; an ESM bundle has no require of its own.
  banner: {
    js: "import { createRequire as __akCreateRequire } from 'node:module'; const require = __akCreateRequire(import.meta.url);",
  },
});

// Chunks have content hashes in their names; drop those of earlier builds. Emptying dist/ first instead
// would leave a moment with no dist/cli.js, which breaks a CLI run at that moment.
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
for (const name of readdirSync(outdir)) {
  const file = path.join(outdir, name);
  if (!fresh.has(file)) rmSync(file, { recursive: true, force: true });
}
