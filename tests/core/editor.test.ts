import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorCommand, isGuiEditor, openInEditor, splitCommand } from '../../src/core/editor.js';
import { tempDir, waitForFile } from '../helpers.js';

/** A folder with executable shell scripts standing in for editors. */
function binDir(scripts: Record<string, string>): string {
  const dir = tempDir('ak-bin-');
  for (const [name, body] of Object.entries(scripts)) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return dir;
}

describe('editorCommand', () => {
  it('prefers $VISUAL, then $EDITOR, and splits them like a shell', () => {
    expect(editorCommand({ VISUAL: 'code --wait', EDITOR: 'vim' }, 'linux')).toEqual({
      command: 'code',
      args: ['--wait'],
      terminal: false,
      source: '$VISUAL',
    });
    expect(editorCommand({ VISUAL: '  ', EDITOR: 'vim -u NONE' }, 'linux')).toEqual({
      command: 'vim',
      args: ['-u', 'NONE'],
      terminal: true,
      source: '$EDITOR',
    });
    expect(editorCommand({ EDITOR: '"/opt/My Editor/bin/subl" -w' }, 'linux')).toMatchObject({
      command: '/opt/My Editor/bin/subl',
      args: ['-w'],
      terminal: false,
    });
  });

  it('defaults to nano when it is on PATH, else vi, and notepad on Windows', () => {
    const withNano = binDir({ nano: 'exit 0' });
    expect(editorCommand({ PATH: `/nonexistent:${withNano}` }, 'linux')).toMatchObject({ command: 'nano', terminal: true, source: 'default' });
    expect(editorCommand({ PATH: tempDir() }, 'linux')).toMatchObject({ command: 'vi', terminal: true });
    expect(editorCommand({}, 'win32')).toMatchObject({ command: 'notepad', terminal: false });
  });
});

describe('splitCommand', () => {
  it.each([
    ['vim', ['vim']],
    ['  emacs   -nw  ', ['emacs', '-nw']],
    [`'/path with/space' --flag "two words"`, ['/path with/space', '--flag', 'two words']],
    [String.raw`/path\ with/space -c "say \"hi\""`, ['/path with/space', '-c', 'say "hi"']],
    [`code ''`, ['code', '']],
    ['', []],
  ])('%j', (line, words) => {
    expect(splitCommand(line)).toEqual(words);
  });
});

describe('isGuiEditor', () => {
  it.each([
    ['code', [], true],
    ['/usr/local/bin/code-insiders', [], true],
    ['C:\\Program Files\\Notepad++\\notepad++.exe', [], true],
    ['zed', [], true],
    ['xdg-open', [], true],
    ['some-gui', ['--wait'], true],
    ['emacsclient', ['-c'], true],
    ['emacsclient', ['-t'], false],
    ['vim', [], false],
    ['nano', [], false],
    ['hx', [], false],
  ])('%s %j -> %s', (command, args, gui) => {
    expect(isGuiEditor(command, args)).toBe(gui);
  });
});

describe('openInEditor', () => {
  it('hands a terminal editor the terminal: raw mode off while it runs, back on after', async () => {
    const file = path.join(tempDir(), 'kata.py');
    fs.writeFileSync(file, 'before\n');
    const log: string[] = [];
    const bin = binDir({ fakevim: `echo "edited by fakevim $1" > "$2"` });
    const stdin = {
      isTTY: true,
      isRaw: true,
      setRawMode(mode: boolean) {
        log.push(`raw ${mode} (file: ${fs.readFileSync(file, 'utf8').trim()})`);
        stdin.isRaw = mode;
      },
    };
    const result = await openInEditor(file, {
      stdin: stdin as unknown as NodeJS.ReadStream,
      env: { ...process.env, VISUAL: `${path.join(bin, 'fakevim')} --flag` },
      onSuspend: () => log.push('suspend'),
      onResume: () => log.push('resume'),
    });
    expect(result).toEqual({ ok: true });
    expect(log).toEqual(['suspend', 'raw false (file: before)', 'raw true (file: edited by fakevim --flag)', 'resume']);
  });

  it('leaves raw mode alone when it was off', async () => {
    const file = path.join(tempDir(), 'kata.py');
    fs.writeFileSync(file, '');
    const calls: boolean[] = [];
    const stdin = { isTTY: true, isRaw: false, setRawMode: (m: boolean) => calls.push(m) } as unknown as NodeJS.ReadStream;
    const bin = binDir({ ed1: 'exit 0' });
    expect(await openInEditor(file, { stdin, env: { EDITOR: path.join(bin, 'ed1') } })).toEqual({ ok: true });
    expect(calls).toEqual([]);
  });

  it('says which editor could not start and how to choose another', async () => {
    const stdin = { isTTY: false } as unknown as NodeJS.ReadStream;
    const result = await openInEditor('x.py', { stdin, env: { EDITOR: 'no-such-editor-xyz -f', PATH: tempDir() } });
    expect(result.ok).toBe(false);
    expect(result.error).toContain('could not start the editor from $EDITOR, `no-such-editor-xyz -f` (not found)');
    expect(result.error).toContain('export EDITOR=');
    const gui = await openInEditor('x.py', { stdin, env: { VISUAL: 'code', PATH: tempDir() } });
    expect(gui.error).toContain('could not start the editor from $VISUAL, `code` (not found)');
  });

  it('starts a GUI editor without waiting for it', async () => {
    const file = path.join(tempDir(), 'kata.py');
    // The fake GUI editor is still running when openInEditor returns: it only writes after we answer.
    const bin = binDir({ code: `while [ ! -f "$2.go" ]; do sleep 0.05; done; echo "$1" > "$2.opened"` });
    const result = await openInEditor(file, { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, VISUAL: 'code --wait' } });
    expect(result).toEqual({ ok: true });
    expect(fs.existsSync(`${file}.opened`)).toBe(false);
    fs.writeFileSync(`${file}.go`, '');
    expect((await waitForFile(`${file}.opened`)).trim()).toBe('--wait');
  });
});
