// Entry point of the `async-katas` command. Parsing and dispatch only; the work is in core/, the text in report/.
// `check` start-up time is benchmarked: keep top-level imports to what `check` needs, import the rest lazily.
import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CatalogError, UnknownKataError } from './core/catalog.js';
import { findAnyKata } from './core/sources.js';
import { displayPath, runCheck } from './core/check.js';
import { findPython, PythonNotFoundError, type PythonInfo } from './core/python.js';
import { exitCodeFor, type CheckResult } from './core/result.js';
import { packageVersion } from './core/root.js';
import { ensureKataFile } from './core/workspace.js';
import { formatCheckReport } from './report/check-report.js';
import { makeColors } from './report/color.js';
import { errorJson, resultJson } from './report/json.js';
import type { ValidateCommandOptions } from './commands/validate.js';
import { bareCommand } from './preframe.js';
import { packDirsOf, resolveWorkspace, shellQuote, usageError, warn, WorkspaceError, type GlobalOptions } from './commands/common.js';

const EXAMPLES = `
Examples:
  $ async-katas                                    the trainer in a terminal (the kata list when not a terminal)
  $ async-katas open forgotten-await               the trainer, on that kata
  $ async-katas quiz                               the trainer in quiz mode (spaced repetition)
  $ async-katas check forgotten-await              check your workspace file forgotten-await.py
  $ async-katas check sequential-awaits --file my-fix.py --json
  $ async-katas --workspace ~/katas check blocking-sleep    use (or create) that workspace
  $ async-katas hint blocking-sleep                the next hint; --all repeats those shown
  $ async-katas explain blocking-sleep             the explanation as plain text
  $ async-katas list --json                        katas with their status, for scripts
  $ async-katas progress --json                    progress of every kata, for scripts
  $ async-katas report --format json --output me.json    your progress to share with a team lead
  $ async-katas reset blocking-sleep --yes         file back to the starter (yours kept as .bak), progress forgotten
  $ async-katas validate                           prove every kata (for kata authors)
  $ async-katas --pack ./team-katas                the trainer with a team's pack beside the built-in katas
  $ async-katas check team-katas/retry-loop --pack ./team-katas
  $ async-katas new retry-loop --pack ./team-katas scaffold a kata in a pack (then: validate ./team-katas)

A workspace is a folder with .async-katas.json and one <kata-id>.py per kata; commands look for it in the
current folder, its parents, and ./async-katas.
Exit codes: 0 pass, 1 your code does not pass yet, 2 bad usage or environment.
Pack katas are named <pack>/<kata>; a pack from a new folder is asked about once, as its tests run here.
Environment: ASYNC_KATAS_PYTHON (interpreter), ASYNC_KATAS_CONFIG_DIR (where progress is kept),
ASYNC_KATAS_PACKS (pack folders, like --pack), ASYNC_KATAS_CACHE_DIR, NO_COLOR, FORCE_COLOR.`;

interface CheckOptions extends GlobalOptions {
  file?: string;
  json?: boolean;
  python?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The commands learners use besides `check`; loaded on demand, off the `check` start-up path. */
const learner = () => import('./commands/learner.js');

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('async-katas')
    .description('Learn Python async by fixing broken async code; hidden tests check your fix.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--workspace <dir>', 'use (or create, without asking) this workspace folder')
    .option('--pack <dir>', "load a team's pack of katas from this folder too (repeatable; also ASYNC_KATAS_PACKS)", collect)
    .option('--trust-packs', 'run packs seen for the first time without asking (their tests are code that runs here)')
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.replace(/^error: /, 'async-katas: ')) })
    .addHelpText('after', EXAMPLES);
  const run = (fn: () => Promise<number>) => async () => setExit(await fn());

  program
    .command('check')
    .description('run the hidden tests of a kata against your file (default: the workspace file) and record the result')
    .argument('<kata-id>', 'which kata, e.g. sequential-awaits')
    .option('--file <path>', 'your Python file with the fix (default: <workspace>/<kata-id>.py)')
    .option('--json', 'print one JSON object (docs/protocol.md) instead of the report')
    .option('--python <path>', 'the Python 3.10+ interpreter to use')
    .addHelpText('after', '\nExamples:\n  $ async-katas check sequential-awaits\n  $ async-katas check sequential-awaits --file my-fix.py')
    .action(async function (this: Command, id: string) {
      setExit(await checkCommand(id, this.optsWithGlobals<CheckOptions>()));
    });

  program
    .command('list')
    .description('list the katas with their status')
    .option('--json', 'print a JSON array of {id, title, level, concepts, minPython, pack, status}')
    .action(async function (this: Command) {
      await run(async () => (await learner()).listCommand(this.optsWithGlobals()))();
    });

  program
    .command('open')
    .description('open the trainer on a kata (without a terminal: print its task)')
    .argument('<kata-id>', 'which kata')
    .action(async function (this: Command, id: string) {
      await run(async () => (await learner()).appCommand({ ...this.optsWithGlobals(), kataId: id }))();
    });

  program
    .command('quiz')
    .description('drill questions from every kata and the question bank, spaced out so missed ones come back soon')
    .action(async function (this: Command) {
      await run(async () => (await learner()).quizCommand(this.optsWithGlobals()))();
    });

  program
    .command('hint')
    .description('show the next hint for a kata (3 tiers, each closer to the answer) and remember it')
    .argument('<kata-id>', 'which kata')
    .option('--all', 'repeat every hint shown so far, without showing a new one')
    .action(async function (this: Command, id: string) {
      await run(async () => (await learner()).hintCommand(id, this.optsWithGlobals()))();
    });

  program
    .command('explain')
    .description("print a kata's explanation as plain text")
    .argument('<kata-id>', 'which kata')
    .action(async function (this: Command, id: string) {
      await run(async () => (await learner()).explainCommand(id, this.optsWithGlobals()))();
    });

  program
    .command('progress')
    .description('show your progress on every kata')
    .option('--json', 'print {"katas": {"<id>": {status, attempts, hintsUsed, firstSolvedAt, lastCheckedAt, quiz}}}')
    .action(async function (this: Command) {
      await run(async () => (await learner()).progressCommand(this.optsWithGlobals()))();
    });

  program
    .command('report')
    .description("a shareable summary of your progress (solved katas, hints, quiz accuracy per concept); nothing else")
    .addOption(new Option('--format <format>', 'md for a chat or a ticket, json for scripts').choices(['md', 'json']).default('md'))
    .option('--name <name>', 'whose report it is (default: git config user.name)')
    .option('--output <file>', 'write the report to this file instead of stdout')
    .action(async function (this: Command) {
      await run(async () => (await import('./commands/report.js')).reportCommand(this.optsWithGlobals()))();
    });

  program
    .command('reset')
    .description('put a kata file back to the starter (yours is kept as .bak) and forget its progress')
    .argument('[kata-id]', 'which kata')
    .option('--all', 'every kata file in the workspace, and all progress')
    .option('--yes', 'do not ask (needed when not on a terminal)')
    .action(async function (this: Command, id: string | undefined) {
      await run(async () => (await import('./commands/reset.js')).resetCommand(id, this.optsWithGlobals()))();
    });

  program
    .command('validate')
    .description('prove every kata: manifest, quiz, explanation, starter fails as declared, solution passes, corpus labels hold')
    .argument('[dir]', 'a folder of katas (default: the built-in catalogue)')
    .option('--python <path>', 'the Python 3.10+ interpreter to use')
    .option('--only <kata-id...>', 'only these katas')
    .option('--jobs <n>', 'checks to run at once (default: one per CPU, at least 2)')
    .option('--verbose', 'list every check, not only problems')
    .action(async (dir: string | undefined, options: ValidateCommandOptions) =>
      setExit(await (await import('./commands/validate.js')).validateCommand(dir, options)),
    );

  program
    .command('new')
    .description("scaffold a kata in a team's pack, from a template that already passes validate")
    .argument('<kata-id>', 'the new kata folder name, e.g. retry-with-jitter')
    .option('--title <title>', 'its title (default: from the id)')
    .addHelpText('after', '\nExamples:\n  $ async-katas new retry-with-jitter --pack ./team-katas\n  $ async-katas validate ./team-katas')
    .action(async function (this: Command, id: string) {
      setExit(await (await import('./commands/new-kata.js')).newCommand(id, this.optsWithGlobals()));
    });

  const dev = program.command('dev').description('tools for kata authors');
  dev
    .command('docs')
    .description("write the manifest tables of docs/authoring.md from the code's own schemas")
    .argument('<file>', 'the authoring guide to update in place')
    .action(async (file: string) => setExit(await (await import('./commands/docs.js')).docsCommand(file)));
  dev
    .command('check')
    .description('the same as validate, for the given katas (default: all), listing every check')
    .argument('[kata-id...]', 'katas to check (default: all)')
    .option('--python <path>', 'the Python 3.10+ interpreter to use')
    .action(async (ids: string[], options: { python?: string }) =>
      setExit(await (await import('./commands/validate.js')).validateCommand(undefined, { ...options, only: ids, verbose: true })),
    );

  return program;
}

async function checkCommand(id: string, options: CheckOptions): Promise<number> {
  const json = Boolean(options.json);
  const fail = (message: string, fields: { file?: string; python?: string } = {}) =>
    usageError(message, json ? errorJson(message, { kata: id, ...fields }) : undefined);

  let kata;
  try {
    kata = findAnyKata(id, packDirsOf(options));
  } catch (error) {
    if (error instanceof UnknownKataError || error instanceof CatalogError) return fail(error.message, { file: options.file });
    throw error;
  }
  // Before anything of the pack's is copied or run.
  if (kata.pack) {
    const refused = await (await import('./commands/trust-gate.js')).requireTrust([kata.pack], options, json ? (message) => errorJson(message, { kata: id }) : undefined);
    if (refused) return refused;
  }

  let file = options.file;
  if (!file) {
    // No --file: the learner's file in the workspace, started from the kata's starter if it is not there yet.
    try {
      const ws = resolveWorkspace(options);
      if (!ws) return fail(`no workspace here: run \`async-katas\` to create one, or pass --file PATH (e.g. async-katas check ${id} --file my-fix.py)`);
      const ensured = ensureKataFile(ws, kata);
      if (ensured.created) process.stderr.write(`async-katas: created ${displayPath(ensured.path)} from the kata's starter; edit it, then check again\n`);
      file = ensured.path;
    } catch (error) {
      if (error instanceof WorkspaceError) return fail(error.message);
      throw error;
    }
  }
  const fileProblem = checkReadable(file);
  if (fileProblem) {
    const start = `to start from the kata's broken code: cp ${shellQuote(displayPath(kata.files.starter))} ${shellQuote(file)}`;
    return fail(fileProblem.startsWith('cannot find') ? `${fileProblem}; ${start}` : fileProblem, { file });
  }

  let python: PythonInfo;
  try {
    python = await findPython({ python: options.python });
  } catch (error) {
    if (error instanceof PythonNotFoundError) return fail(error.message, { file: displayPath(file) });
    throw error;
  }

  // The harness runs in its own process group, so Ctrl+C (or a closing terminal) does not reach it: stop it ourselves.
  const controller = new AbortController();
  const stop = () => controller.abort();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.once(s, stop);
  let result;
  // Progress is recorded after the check; loading its store (conf) while Python runs keeps it off the wait.
  let progress: Promise<typeof import('./core/progress.js')> | undefined;
  try {
    const running = runCheck({ kata, file, python, signal: controller.signal });
    progress = import('./core/progress.js');
    progress.catch(() => {}); // a failed load is reported where it is awaited, not as an unhandled rejection
    result = await running;
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
    const rerun = [
      'async-katas',
      'check',
      id,
      ...(options.pack ?? []).flatMap((dir) => ['--pack', dir]),
      ...(options.file ? ['--file', options.file] : options.workspace ? ['--workspace', options.workspace] : []),
      ...(options.python ? ['--python', options.python] : []),
    ];
    process.stdout.write(formatCheckReport(result, { title: kata.title, rerun: rerun.map(shellQuote).join(' '), c: makeColors() }));
  }
  // A problem of the environment (no suitable Python...) is not an attempt at the kata.
  if (code !== 2) await recordCheck(progress, id, result.status);
  return code;
}

/** Counts the check in the learner's progress; a store that cannot be used costs a warning, not the verdict. */
async function recordCheck(progress: Promise<typeof import('./core/progress.js')>, id: string, status: CheckResult['status']): Promise<void> {
  const { openProgress, ProgressError } = await progress;
  try {
    const { store, warning } = openProgress({ onWarning: warn });
    if (warning) warn(warning);
    store.recordCheck(id, status);
  } catch (error) {
    if (!(error instanceof ProgressError) && typeof (error as NodeJS.ErrnoException).syscall !== 'string') throw error;
    warn(`progress not saved: ${(error as Error).message}`);
  }
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

async function main(argv: string[]): Promise<void> {
  // `async-katas ... | head` closes stdout early; that is the reader's choice, not an error to crash on.
  process.stdout.on('error', () => {});
  let code = 0;
  // The bare command (optionally with --workspace) opens the app. Handled before commander: a root action
  // would make commander read a mistyped command as an argument and lose its "did you mean" suggestion.
  const bare = bareCommand(argv.slice(2));
  if (bare) {
    process.exitCode = await (await learner()).appCommand(bare);
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
