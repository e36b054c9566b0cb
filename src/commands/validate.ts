// `async-katas validate [DIR]` (and its older name `dev check`): every kata proven, in parallel, with a
// progress bar on a terminal and each problem named with its kata, file and what is wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PythonNotFoundError, findPython, type PythonInfo } from '../core/python.js';
import { CATALOGUE, validateKatas, type ValidateItem } from '../core/validate.js';
import { makeColors } from '../report/color.js';
import { progressBar } from '../report/progress-bar.js';
import { formatKataItems, formatValidateItem, formatValidateSummary } from '../report/validate-report.js';
import { usageError } from './common.js';

export interface ValidateCommandOptions {
  python?: string;
  only?: string[];
  verbose?: boolean;
  jobs?: string;
}

export async function validateCommand(dir: string | undefined, options: ValidateCommandOptions): Promise<number> {
  const root = dir ? path.resolve(dir) : undefined;
  if (root && !fs.existsSync(root)) return usageError(`cannot find the folder ${dir}; give a folder of katas (each in <id>/kata.json)`);
  const jobs = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) return usageError(`--jobs must be a whole number of at least 1 (got ${options.jobs})`);
  let python: PythonInfo;
  try {
    python = await findPython({ python: options.python });
  } catch (error) {
    if (error instanceof PythonNotFoundError) return usageError(error.message);
    throw error;
  }
  const c = makeColors();
  const where = dir ?? 'the built-in catalogue';
  process.stdout.write(`validate ${where} with Python ${python.version} (${python.exe}), ${jobs} at a time\n`);

  const bar = progressBar(process.stderr, 'validate ');
  let problems = 0;
  let current: { kata: string; items: ValidateItem[] } | undefined;
  const flush = () => {
    if (!current) return;
    bar.clear();
    process.stdout.write(`${formatKataItems(current.kata, current.items, c)}\n`);
    current = undefined;
  };
  const report = await validateKatas({
    ids: options.only,
    python,
    root,
    concurrency: jobs,
    onProgress: (done, total) => bar.update(done, total, problems ? `· ${problems} problem${problems === 1 ? '' : 's'}` : ''),
    onItem: (item) => {
      if (item.outcome === 'mismatch') problems++;
      if (options.verbose) {
        bar.clear();
        process.stdout.write(`${formatValidateItem(item, c)}\n`);
        return;
      }
      if (current && current.kata !== item.kata) flush();
      current ??= { kata: item.kata, items: [] };
      current.items.push(item);
    },
  });
  flush();
  bar.clear();
  if (!report.items.some((i) => i.kata !== CATALOGUE)) return usageError(`no katas in ${where}: each kata is a folder <id>/ with a kata.json`);
  process.stdout.write(`${formatValidateSummary(report, c)}\n`);
  return report.ok ? 0 : 1;
}

/** Each check is a Python process, mostly CPU: one per core, and at least two so I/O waits overlap. */
function defaultJobs(): number {
  return Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}
