// CLI tests run the bundled dist/cli.js; rebuild it so `npx vitest` alone never tests a stale bundle.
// Progress goes to a throwaway folder: no test may touch the real per-user store in the home folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-config-'));
  // Set before vitest starts its workers, which inherit it (and pass it on to the CLIs they run).
  process.env.ASYNC_KATAS_CONFIG_DIR = configDir;
  return () => fs.rmSync(configDir, { recursive: true, force: true });
}
