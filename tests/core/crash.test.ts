import { describe, expect, it } from 'vitest';
import { explainCrash } from '../../src/core/crash.js';

const LEARNER = '/home/me/fix.py';

describe('explainCrash', () => {
  it('reads a Python traceback: tail kept, innermost learner frame (listed last)', () => {
    const frames = Array.from({ length: 20 }, (_, i) => `  File "/lib/x.py", line ${i}, in f`);
    const stderr = [
      'my own print',
      'Traceback (most recent call last):',
      `  File "${LEARNER}", line 9, in <module>`,
      ...frames,
      `  File "${LEARNER}", line 3, in helper`,
      'ValueError: boom',
    ].join('\n');
    const crash = explainCrash(stderr, LEARNER)!;
    expect(crash.kind).toBe('exception');
    expect(crash.line).toBe(3);
    const tail = crash.detail!.split('\n');
    expect(tail[0]).toBe('Traceback (most recent call last):');
    expect(tail.at(-1)).toBe('ValueError: boom');
    expect(tail.length).toBeLessThanOrEqual(12);
    expect(stderr.slice(0, crash.dumpStart)).toBe('my own print\n');
  });

  it('reads a faulthandler timeout: seconds, and the learner frame listed first', () => {
    const stderr = [
      'Timeout (0:01:02)!',
      'Thread 0x1 (most recent call first):',
      '  File "/lib/threading.py", line 331 in wait',
      '',
      'Thread 0x2 (most recent call first):',
      `  File "${LEARNER}", line 13 in check`,
      `  File "${LEARNER}", line 20 in main`,
    ].join('\n');
    expect(explainCrash(stderr, LEARNER)).toMatchObject({ kind: 'timeout', seconds: 62, line: 13, dumpStart: 0 });
  });

  it('reads a fatal error dump', () => {
    const stderr = `Fatal Python error: Segmentation fault\n\nCurrent thread 0x1 (most recent call first):\n  File "${LEARNER}", line 4 in crash\n`;
    expect(explainCrash(stderr, LEARNER)).toMatchObject({
      kind: 'exception',
      headline: 'Fatal Python error: Segmentation fault',
      line: 4,
    });
  });

  it('finds nothing in ordinary output', () => {
    expect(explainCrash('hello\nworld\n', LEARNER)).toBeUndefined();
  });
});
