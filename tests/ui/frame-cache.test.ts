import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  discardReplayed,
  homeFrameKey,
  readFrame,
  recordFirstFrame,
  replayFrame,
  saveFrame,
} from '../../src/ui/frame-cache.js';
import { FIXTURE_ROOT, tempDir } from '../helpers.js';

const REPLAYED = Symbol.for('async-katas.replayed-frame');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[REPLAYED];
});

function fakeTerminal(rows = 30) {
  const written: string[] = [];
  const stdout = {
    rows,
    columns: 100,
    write(chunk: string) {
      written.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  const stdin = { setRawMode: vi.fn() } as unknown as NodeJS.ReadStream & { setRawMode: ReturnType<typeof vi.fn> };
  return { stdout, stdin, written };
}

describe('homeFrameKey', () => {
  const katasDir = path.join(FIXTURE_ROOT, 'katas', 'python');
  function inputs(config: string, extra: Partial<Parameters<typeof homeFrameKey>[0]> = {}) {
    return { workspaceDir: '/ws', columns: 100, rows: 30, katasDir, env: { ASYNC_KATAS_CONFIG_DIR: config, TERM: 'xterm' }, ...extra };
  }

  it('is the same for the same state and changes with anything the home screen shows', () => {
    const config = tempDir('ak-frame-cfg-');
    const key = homeFrameKey(inputs(config))!;
    expect(key).toBeDefined();
    expect(homeFrameKey(inputs(config))).toBe(key);
    expect(homeFrameKey(inputs(config, { columns: 99 }))).not.toBe(key);
    expect(homeFrameKey(inputs(config, { rows: 31 }))).not.toBe(key);
    expect(homeFrameKey(inputs(config, { workspaceDir: '/other' }))).not.toBe(key);
    expect(homeFrameKey(inputs(config, { env: { ASYNC_KATAS_CONFIG_DIR: config, TERM: 'xterm', NO_COLOR: '1' } }))).not.toBe(key);
    fs.writeFileSync(path.join(config, 'progress.json'), '{"schemaVersion":1,"katas":{}}');
    expect(homeFrameKey(inputs(config))).not.toBe(key);
  });
});

describe('saved frames', () => {
  it('come back only for the key they were saved with', () => {
    const dir = path.join(tempDir('ak-frame-'), 'cache');
    expect(readFrame(dir, 'k')).toBeUndefined();
    saveFrame(dir, 'k', 'frame\n');
    expect(readFrame(dir, 'k')).toBe('frame\n');
    expect(readFrame(dir, 'other')).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'home-frame.json'), '{not json');
    expect(readFrame(dir, 'k')).toBeUndefined();
  });
});

describe('replaying a frame', () => {
  const frame = '\u001b[?25ltitle\nlist\nkeys\n';

  it('writes it, holds keys back, and has Ink erase it in the same write as Ink’s first frame', () => {
    const { stdout, stdin, written } = fakeTerminal();
    expect(replayFrame(frame, stdout, stdin)).toBe(true);
    expect(written).toEqual([frame]);
    expect(stdin.setRawMode).toHaveBeenCalledWith(true);

    const recorder = recordFirstFrame(stdout);
    stdout.write('\u001b[?2026h');
    stdout.write('title\nlist\nkeys\n');
    stdout.write('later\n');
    expect(written.slice(1)).toEqual(['\u001b[?2026h', '\r\u001b[3A\u001b[0Jtitle\nlist\nkeys\n', 'later\n']);
    expect(recorder.done()).toBe('\u001b[?2026htitle\nlist\nkeys\nlater\n');
    stdout.write('after\n');
    expect(written.at(-1)).toBe('after\n');
    discardReplayed(stdout, stdin);
    expect(written.at(-1)).toBe('after\n');
  });

  it('records a first frame without erasing anything when nothing was replayed', () => {
    const { stdout, written } = fakeTerminal();
    const recorder = recordFirstFrame(stdout);
    stdout.write('title\n');
    expect(written).toEqual(['title\n']);
    expect(recorder.done()).toBe('title\n');
  });

  it('does not replay a frame as tall as the terminal (Ink clears the screen for those)', () => {
    const { stdout, stdin, written } = fakeTerminal(3);
    expect(replayFrame(frame, stdout, stdin)).toBe(false);
    expect(written).toEqual([]);
  });

  it('takes the frame away again when the app ends without drawing', () => {
    const { stdout, stdin, written } = fakeTerminal();
    replayFrame(frame, stdout, stdin);
    discardReplayed(stdout, stdin);
    expect(written.at(-1)).toBe('\r\u001b[3A\u001b[0J');
    expect(stdin.setRawMode).toHaveBeenLastCalledWith(false);
  });
});
