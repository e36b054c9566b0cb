// Opening the learner's file in their editor. A terminal editor takes over the terminal until it exits;
// a GUI editor opens its own window, so we start it and return (the file watcher notices the save).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface EditorCommand {
  command: string;
  args: string[];
  /** True when the editor runs in this terminal (we must hand it the terminal and wait). */
  terminal: boolean;
  /** Where the choice came from, for messages: "$VISUAL", "$EDITOR" or "default". */
  source: '$VISUAL' | '$EDITOR' | 'default';
}

export interface EditorResult {
  ok: boolean;
  error?: string;
}

export interface OpenInEditorOptions {
  /** The terminal's input; raw mode is turned off while a terminal editor runs. Default process.stdin. */
  stdin?: NodeJS.ReadStream;
  /** Before a terminal editor takes over (e.g. stop drawing). */
  onSuspend?: () => void;
  /** After it exits (e.g. clear the screen and draw again). */
  onResume?: () => void;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const GUI_EDITORS = new Set([
  'code', 'code-insiders', 'codium', 'cursor', 'windsurf', 'subl', 'sublime_text', 'atom', 'gedit', 'gnome-text-editor',
  'kate', 'kwrite', 'mousepad', 'pluma', 'xed', 'mate', 'zed', 'zeditor', 'idea', 'pycharm', 'charm', 'webstorm',
  'fleet', 'gvim', 'mvim', 'macvim', 'neovide', 'bbedit', 'textmate', 'open', 'xdg-open', 'notepad', 'notepad++',
  'wordpad', 'textedit', 'lapce', 'geany', 'emacsclientw',
]);

/** The editor to use: $VISUAL, then $EDITOR (quotes honoured), else nano if on PATH, else vi (notepad on Windows). */
export function editorCommand(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): EditorCommand {
  for (const source of ['VISUAL', 'EDITOR'] as const) {
    const words = splitCommand(env[source] ?? '');
    if (words.length) {
      const [command, ...args] = words as [string, ...string[]];
      return { command, args, terminal: !isGuiEditor(command, args), source: `$${source}` };
    }
  }
  if (platform === 'win32') return { command: 'notepad', args: [], terminal: false, source: 'default' };
  const command = onPath('nano', env, platform) ? 'nano' : 'vi';
  return { command, args: [], terminal: true, source: 'default' };
}

/** A known GUI editor, or one asked to --wait (only a GUI editor needs telling to block). */
export function isGuiEditor(command: string, args: readonly string[] = []): boolean {
  // Both separators: $EDITOR may hold a Windows path whichever OS reads it.
  const name = (command.split(/[\\/]/).pop() ?? command).toLowerCase().replace(/\.(exe|cmd|bat|app)$/, '');
  if (GUI_EDITORS.has(name)) return true;
  // emacsclient opens a frame of its own with -c; without it (or with -t/-nw) it uses this terminal.
  if (name === 'emacsclient') return args.some((a) => a === '-c' || a === '--create-frame');
  return args.includes('--wait');
}

/** Splits a command line the way a POSIX shell would for words and quotes (no expansion). */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Opens the file; for a terminal editor, resolves after it exits. Never throws: problems come back in `error`. */
export async function openInEditor(file: string, options: OpenInEditorOptions = {}): Promise<EditorResult> {
  const editor = editorCommand(options.env, options.platform);
  const args = [...editor.args, file];
  return editor.terminal ? runTerminalEditor(editor, args, options) : startGuiEditor(editor, args, options.env);
}

function runTerminalEditor(editor: EditorCommand, args: string[], options: OpenInEditorOptions): EditorResult {
  const stdin = options.stdin ?? process.stdin;
  options.onSuspend?.();
  // Raw mode is switched on the stream directly: Ink's own toggle is reference-counted and would not let go.
  const wasRaw = Boolean(stdin.isTTY && stdin.isRaw);
  try {
    if (wasRaw) stdin.setRawMode(false);
    // spawnSync blocks our event loop, so nothing of ours reads the terminal while the editor owns it.
    const run = spawnSync(editor.command, args, { stdio: 'inherit', env: options.env ?? process.env });
    if (run.error) return { ok: false, error: cannotStart(editor, run.error) };
    if (run.signal) return { ok: false, error: `the editor \`${editor.command}\` was stopped by ${run.signal}` };
    return { ok: true };
  } finally {
    if (wasRaw) stdin.setRawMode(true);
    options.onResume?.();
  }
}

function startGuiEditor(editor: EditorCommand, args: string[], env: NodeJS.ProcessEnv | undefined): Promise<EditorResult> {
  return new Promise((resolve) => {
    // Detached and unref'd: the editor outlives us if it wants to, and we never wait for its window.
    const child = spawn(editor.command, args, { detached: true, stdio: 'ignore', env: env ?? process.env });
    child.once('error', (error) => resolve({ ok: false, error: cannotStart(editor, error) }));
    child.once('spawn', () => {
      child.unref();
      resolve({ ok: true });
    });
  });
}

function cannotStart(editor: EditorCommand, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'not found' : (code ?? error.message);
  const from = editor.source === 'default' ? 'the default editor' : `the editor from ${editor.source}`;
  return (
    `could not start ${from}, \`${[editor.command, ...editor.args].join(' ')}\` (${why}); ` +
    'set VISUAL or EDITOR to an editor you have, e.g. export EDITOR=nano, or for VS Code: export VISUAL="code --wait"'
  );
}

function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? '').split(sep)) {
    if (!dir) continue;
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}
