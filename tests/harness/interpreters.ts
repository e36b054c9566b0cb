// Every CPython 3.10+ this machine has: pyenv's versions plus ASYNC_KATAS_TEST_PYTHONS (colon-separated
// executables). Suites run once per interpreter found; a missing version simply isn't in the list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Interpreter {
  version: string;
  exe: string;
}

function pyenvInterpreters(): Interpreter[] {
  const root = process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv');
  const versionsDir = path.join(root, 'versions');
  if (!fs.existsSync(versionsDir)) return [];
  const found: Interpreter[] = [];
  for (const name of fs.readdirSync(versionsDir)) {
    const m = /^3\.(\d+)\.(\d+)$/.exec(name);
    if (!m || Number(m[1]) < 10) continue;
    const exe = path.join(versionsDir, name, 'bin', `python3.${m[1]}`);
    if (fs.existsSync(exe)) found.push({ version: name, exe });
  }
  return found;
}

function extraInterpreters(): Interpreter[] {
  const list = process.env.ASYNC_KATAS_TEST_PYTHONS;
  if (!list) return [];
  return list
    .split(':')
    .filter(Boolean)
    .map((exe) => ({ version: path.basename(exe), exe }));
}

export function installedInterpreters(): Interpreter[] {
  const all = [...pyenvInterpreters(), ...extraInterpreters()];
  const seen = new Set<string>();
  return all
    .filter((i) => (seen.has(i.exe) ? false : (seen.add(i.exe), true)))
    .sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
}
