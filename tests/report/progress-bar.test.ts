import { describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../src/report/progress-bar.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 80, written, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progressBar', () => {
  it('draws one line in place on a terminal, at most every 100 ms, and always the last update', () => {
    vi.useFakeTimers();
    try {
      const out = stream(true);
      const bar = progressBar(out, 'validate ');
      bar.update(1, 4);
      bar.update(2, 4); // too soon after the first: skipped
      vi.advanceTimersByTime(150);
      bar.update(3, 4, '· 1 problem');
      bar.update(4, 4); // the last one is never skipped
      expect(out.written).toHaveLength(3);
      expect(out.written[0]).toMatch(/^\r\u001b\[2Kvalidate \[#+\.+\] 1\/4$/);
      expect(out.written[1]).toContain('3/4 · 1 problem');
      expect(out.written[2]).toMatch(/\[#+\] 4\/4$/);
      bar.clear();
      expect(out.written.at(-1)).toBe('\r\u001b[2K');
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes nothing when not on a terminal', () => {
    const out = stream(false);
    const bar = progressBar(out);
    bar.update(1, 2);
    bar.clear();
    expect(out.written).toEqual([]);
  });
});
