// Entry point of the `async-katas` command. Parsing and dispatch only; the work is in core/, the text in report/.
// `check` start-up time is benchmarked: keep top-level imports to what `check` needs, import the rest lazily.
import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CatalogError, findKata, loadCatalog, UnknownKataError } from './core/catalog.js';
import { displayPath, runCheck } from './core/check.js';
import { findPython, PythonNotFoundError, type PythonInfo } from './core/python.js';
import { exitCodeFor } from './core/result.js';
import { packageVersion } from './core/root.js';
import { formatCheckReport } from './report/check-report.js';
import { makeColors } from './report/color.js';
import { errorJson, resultJson } from './report/json.js';
import { formatKataList } from './report/kata-list.js';

const EXAMPLES = `
Examples:
  $ async-katas                                              list the katas
  $ async-katas check sequential-awaits --file my-fix.py     check your fix
  $ async-katas check sequential-awaits --file my-fix.py --json
  $ async-katas dev check                                    validate every kata (for kata authors)

Exit codes: 0 pass, 1 your code does not pass yet, 2 bad usage or environment.
Environment: ASYNC_KATAS_PYTHON (interpreter), ASYNC_KATAS_CACHE_DIR, NO_COLOR, FORCE_COLOR.`;

interface CheckOptions {
  file?: string;
  json?: boolean;
  python?: string;
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('async-katas')
    .description('Learn Python async by fixing broken async code; hidden tests check your fix.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.replace(/^error: /, 'async-katas: ')) })
    .addHelpText('after', EXAMPLES);

  program
    .command('check')
    .description('run the hidden tests of a kata against your file')
    .argument('<kata-id>', 'which kata, e.g. sequential-awaits')
    .option('--file <path>', 'your Python file with the fix (required for now)')
    .option('--json', 'print one JSON object (docs/protocol.md) instead of the report')
    .option('--python <path>', 'the Python 3.10+ interpreter to use')
    .addHelpText('after', '\nExample:\n  $ async-katas check sequential-awaits --file my-fix.py')
    .action(async (id: string, options: CheckOptions) => setExit(await checkCommand(id, options)));

  program
    .command('list')
    .description('list the katas (the same as no command)')
    .action(() => setExit(listKatas()));

  const dev = program.command('dev').description('tools for kata authors');
  dev
    .command('check')
    .description('validate katas: files, starter fails, solution passes, corpus labels hold')
    .argument('[kata-id...]', 'katas to check (default: all)')
    .option('--python <path>', 'the Python 3.10+ interpreter to use')
    .action(async (ids: string[], options: { python?: string }) => setExit(await devCheckCommand(ids, options)));

  return program;
}

function listKatas(): number {
  try {
    process.stdout.write(formatKataList(loadCatalog(), makeColors()));
    return 0;
  } catch (error) {
    if (error instanceof CatalogError) return usageError(error.message);
    throw error;
  }
}

async function checkCommand(id: string, options: CheckOptions): Promise<number> {
  const json = Boolean(options.json);
  const fail = (message: string, fields: { file?: string; python?: string } = {}) =>
    usageError(message, json ? errorJson(message, { kata: id, ...fields }) : undefined);

  if (!options.file) return fail(`missing --file PATH, the file with your fix (e.g. async-katas check ${id} --file my-fix.py)`);
  const fileProblem = checkReadable(options.file);
  let kata;
  try {
    kata = findKata(id);
  } catch (error) {
    if (error instanceof UnknownKataError || error instanceof CatalogError) return fail(error.message, { file: options.file });
    throw error;
  }
  if (fileProblem) {
    const start = `to start from the kata's broken code: cp ${shellQuote(displayPath(kata.files.starter))} ${shellQuote(options.file)}`;
    return fail(fileProblem.startsWith('cannot find') ? `${fileProblem}; ${start}` : fileProblem, { file: options.file });
  }

  let python: PythonInfo;
  try {
    python = await findPython({ python: options.python });
  } catch (error) {
    if (error instanceof PythonNotFoundError) return fail(error.message, { file: displayPath(options.file) });
    throw error;
  }

  // The harness runs in its own process group, so Ctrl+C (or a closing terminal) does not reach it: stop it ourselves.
  const controller = new AbortController();
  const stop = () => controller.abort();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.once(s, stop);
  let result;
  try {
    result = await runCheck({ kata, file: options.file, python, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) {
      process.stderr.write('async-katas: check stopped\n');
      return 130;
    }
    throw error;
  } finally {
    for (const s of signals) process.removeListener(s, stop);
  }

  const code = exitCodeFor(result);
  if (json) process.stdout.write(`${JSON.stringify(resultJson(result))}\n`);
  if (code === 2) {
    process.stderr.write(`async-katas: ${result.error ?? 'the check could not run'}\n`);
  } else if (!json) {
    const rerun = ['async-katas', 'check', id, '--file', options.file, ...(options.python ? ['--python', options.python] : [])];
    process.stdout.write(formatCheckReport(result, { title: kata.title, rerun: rerun.map(shellQuote).join(' '), c: makeColors() }));
  }
  return code;
}

async function devCheckCommand(ids: string[], options: { python?: string }): Promise<number> {
  let python: PythonInfo;
  try {
    python = await findPython({ python: options.python });
  } catch (error) {
    if (error instanceof PythonNotFoundError) return usageError(error.message);
    throw error;
  }
  const [{ devCheck }, { formatDevCheckItem, formatDevCheckSummary }] = await Promise.all([
    import('./core/dev-check.js'),
    import('./report/dev-check-report.js'),
  ]);
  const c = makeColors();
  process.stdout.write(`dev check with Python ${python.version} (${python.exe})\n`);
  const report = await devCheck({
    ids,
    python,
    onItem: (item) => process.stdout.write(`${formatDevCheckItem(item, c)}\n`),
  });
  process.stdout.write(`${formatDevCheckSummary(report, c)}\n`);
  return report.ok ? 0 : 1;
}

/** A reason the learner's file cannot be checked, or undefined when it can be read. */
function checkReadable(file: string): string | undefined {
  try {
    if (fs.statSync(file).isDirectory()) return `${file} is a folder; --file needs your Python file`;
    fs.accessSync(file, fs.constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `cannot find the file ${file}` : `cannot read the file ${file} (${code})`;
  }
}

function usageError(message: string, json?: object): number {
  if (json) process.stdout.write(`${JSON.stringify(json)}\n`);
  process.stderr.write(`async-katas: ${message}\n`);
  return 2;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

async function main(argv: string[]): Promise<void> {
  // `async-katas ... | head` closes stdout early; that is the reader's choice, not an error to crash on.
  process.stdout.on('error', () => {});
  let code = 0;
  // The bare command lists the katas. Handled before commander: a root action would make commander read a
  // mistyped command as an argument and lose its "did you mean" suggestion.
  if (argv.length <= 2) {
    process.exitCode = listKatas();
    return;
  }
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Commander has already printed its message; help and version are not errors.
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
    code = quiet ? 0 : 2;
    if (!quiet && argv.includes('--json')) process.stdout.write(`${JSON.stringify(errorJson(error.message.replace(/^error: /, '')))}\n`);
  }
  process.exitCode = code;
}

await main(process.argv);
