// `async-katas report`: the learner's progress as Markdown (for a chat or a ticket) or JSON, for a team lead.
// Loaded lazily by cli.ts.
import { execFile } from 'node:child_process';
import { writeFileAtomically } from '../core/atomic-write.js';
import { CatalogError, loadQuizBank } from '../core/catalog.js';
import { loadAllKatas } from '../core/sources.js';
import type { QuizBank } from '../core/kata-schema.js';
import { buildReport } from '../core/report.js';
import { packageVersion } from '../core/root.js';
import { formatReportMarkdown } from '../report/summary-markdown.js';
import { guarded, loadProgress, packDirsOf, usageError, warn, type GlobalOptions } from './common.js';

export const REPORT_FORMATS = ['md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends GlobalOptions {
  format?: ReportFormat;
  name?: string;
  output?: string;
}

export function reportCommand(options: ReportOptions): Promise<number> {
  return guarded(async () => {
    const katas = loadAllKatas(packDirsOf(options));
    const format = options.format ?? 'md';
    // Commander checks the choices; this guards direct callers.
    if (!REPORT_FORMATS.includes(format)) return usageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got '${format}')`);
    const store = await loadProgress();
    if (!store) return 2; // loadProgress said why
    const bank = Object.keys(store.review()).some((id) => id.startsWith('bank:')) ? loadBank() : undefined;
    const name = options.name !== undefined ? options.name.trim() || null : await gitUserName();
    const report = buildReport({
      katas,
      store,
      bank,
      name,
      now: new Date(),
      tool: { name: 'async-katas', version: packageVersion() },
    });
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReportMarkdown(report);
    if (!options.output) {
      process.stdout.write(text);
      return 0;
    }
    try {
      writeFileAtomically(options.output, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw error;
      return usageError(`cannot write the report to ${options.output} (${code})`);
    }
    process.stderr.write(`async-katas: report written to ${options.output}\n`);
    return 0;
  });
}

/** The bank, only needed for quiz-mode answers to its questions; without it those answers are left out. */
function loadBank(): QuizBank | undefined {
  try {
    return loadQuizBank();
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    warn(`quiz answers to the question bank are left out: ${error.message}`);
    return undefined;
  }
}

/**
 * `git config user.name` as seen from the current folder (a repository's own setting wins), or null:
 * git missing, slow or without a name must never stop the report.
 */
function gitUserName(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { timeout: 2000, windowsHide: true }, (error, stdout) => {
      resolve(error ? null : String(stdout).trim() || null);
    });
  });
}
