// What a check started and then moved out of its process group is still found, by its marker, and ended.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { killMarked, MARKER_VARIABLE } from '../../src/core/strays.js';
import { isAlive, waitUntilDead } from '../helpers.js';

const sleeper = (env: NodeJS.ProcessEnv) => {
  // detached: a session of its own, as start_new_session=True gives, so no group kill reaches it.
  const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore', env: { ...process.env, ...env } });
  child.unref();
  return child.pid!;
};

describe.skipIf(process.platform !== 'linux')('killMarked', () => {
  it('kills every process carrying the marker, in any session, and no other', async () => {
    const marked = [sleeper({ [MARKER_VARIABLE]: 'abc123' }), sleeper({ [MARKER_VARIABLE]: 'abc123', OTHER: 'x' })];
    const other = sleeper({ [MARKER_VARIABLE]: 'abc1234' });
    const plain = sleeper({});
    try {
      expect(killMarked('abc123').sort()).toEqual([...marked].sort());
      for (const pid of marked) expect(await waitUntilDead(pid)).toBe(true);
      expect(isAlive(other)).toBe(true);
      expect(isAlive(plain)).toBe(true);
    } finally {
      for (const pid of [other, plain]) process.kill(pid, 'SIGKILL');
    }
  });
});
