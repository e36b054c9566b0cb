// Runs one learner file through the real harness with a chosen interpreter.
import fs from 'node:fs';
import path from 'node:path';
import { findKata } from '../../src/core/catalog.js';
import { runCheck } from '../../src/core/check.js';
import { parseCorpusLabel, type CorpusLabel } from '../../src/core/validate.js';
import { findPython, type PythonInfo } from '../../src/core/python.js';
import { allDiagnostics, type CheckResult } from '../../src/core/result.js';
import { REPO, tempDir } from '../helpers.js';

const pythons = new Map<string, Promise<PythonInfo>>();
let cacheDir: string | undefined;

export function pythonAt(exe: string): Promise<PythonInfo> {
  cacheDir ??= tempDir('ak-harness-py-');
  let found = pythons.get(exe);
  if (!found) {
    found = findPython({ python: exe, cacheDir });
    pythons.set(exe, found);
  }
  return found;
}

export async function check(kataId: string, file: string, exe: string): Promise<CheckResult> {
  return runCheck({ kata: findKata(kataId), file, python: await pythonAt(exe) });
}

export function kataFile(kataId: string, name: string): string {
  return path.join(REPO, 'katas', 'python', kataId, name);
}

export interface LabelledFile {
  kata: string;
  name: string;
  file: string;
  label: CorpusLabel;
}

/** Learner files with a corpus label, from `<dir>/<kata>/*.py`. */
export function labelledFiles(dir: string): LabelledFile[] {
  const out: LabelledFile[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const kata of fs.readdirSync(dir).sort()) {
    const kataDir = path.join(dir, kata);
    if (!fs.statSync(kataDir).isDirectory()) continue;
    for (const name of fs.readdirSync(kataDir).filter((n) => n.endsWith('.py')).sort()) {
      const file = path.join(kataDir, name);
      const label = parseCorpusLabel(fs.readFileSync(file, 'utf8'));
      if ('error' in label) throw new Error(`${file}: ${label.error}`);
      out.push({ kata, name, file, label });
    }
  }
  return out;
}

export function kinds(result: CheckResult): string[] {
  return [...new Set(allDiagnostics(result).map((d) => d.kind))].sort();
}
