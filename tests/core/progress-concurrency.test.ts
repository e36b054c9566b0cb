// Progress shared by processes (the app in two terminals, `check` in a third): nothing lost, and a kill
// in the middle of a write leaves the old file or the new one, never a broken one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProgress } from '../../src/core/progress.js';
import { REPO, tempDir } from '../helpers.js';

let script = '';

beforeAll(() => {
  const dir = tempDir('ak-progress-proc-');
  const entry = path.join(dir, 'entry.ts');
  // argv: config dir, kata id, how many checks (0: forever), how many extra katas to fill the store with
  fs.writeFileSync(
    entry,
    `import { openProgress } from ${JSON.stringify(path.join(REPO, 'src', 'core', 'progress.ts'))};
const [dir, id, times, fill] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5] ?? 0)];
const { store } = openProgress({ configDir: dir });
for (let i = 0; i < fill; i++) store.recordHint(id + '-filler-' + i, 1);
process.stdout.write('ready\\n');
for (let i = 0; times === 0 || i < times; i++) store.recordCheck(id, 'fail');
`,
  );
  script = path.join(dir, 'record.mjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
}, 60_000);

function run(args: string[]) {
  return spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('progress across processes', () => {
  it('three processes recording checks of one kata at once lose none of them', { timeout: 60_000 }, async () => {
    const dir = tempDir('ak-progress-shared-');
    await Promise.all([1, 2, 3].map(() => new Promise((resolve) => run([dir, 'shared', '40']).on('exit', resolve))));
    const { store, warning } = openProgress({ configDir: dir });
    expect(warning).toBeUndefined();
    expect(store.get('shared').attempts).toBe(120);
  });

  it('a kill -9 in the middle of writing leaves a whole file, old or new', { timeout: 60_000 }, async () => {
    const dir = tempDir('ak-progress-kill-');
    let last = 0;
    for (let round = 0; round < 8; round++) {
      const child = run([dir, 'k', '0', round === 0 ? '300' : '0']);
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + round * 7));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const { store, warning } = openProgress({ configDir: dir });
      expect(warning, `round ${round}`).toBeUndefined();
      const attempts = store.get('k').attempts;
      expect(attempts).toBeGreaterThanOrEqual(last);
      last = attempts;
      expect(store.get('k-filler-299').hintsUsed).toBe(1);
    }
    expect(last).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });
});
