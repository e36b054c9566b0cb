// Driving an Ink app in tests: wait until input is wired, send keys, wait for text (never frame counts).
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

const SGR = /\u001B\[[0-9;]*m/g;
const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export const KEY = { enter: '\r', escape: '\u001B', tab: '\t', down: '\u001B[B', up: '\u001B[A' };

export async function mount(element: ReactElement) {
  const app = render(element);
  // useInput attaches in a passive effect: give React a moment before the first key.
  await tick();
  await tick();
  const frame = () => (app.lastFrame() ?? '').replace(SGR, '');
  return {
    ...app,
    frame,
    async press(...keys: string[]) {
      for (const key of keys) {
        app.stdin.write(key);
        // A lone ESC is held back by Ink's input parser for a moment: wait it out.
        await tick();
        if (key === KEY.escape) await new Promise((r) => setTimeout(r, 60));
        await tick();
      }
    },
    /** The terminal becomes `columns` x `rows` (ink-testing-library's stdout is 100 wide, of no height). */
    async resize(columns: number, rows: number) {
      Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
      app.stdout.emit('resize');
      await tick();
      await tick();
    },
    async waitFor(text: string | RegExp, ms = 10_000) {
      const until = Date.now() + ms;
      const seen = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
      while (!seen()) {
        if (Date.now() > until) throw new Error(`never saw ${String(text)}; last frame:\n${frame()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      // A screen that just appeared attaches its key handler in an effect after the frame: let it run,
      // or the next key would reach the screen before it listens.
      await tick();
      await tick();
    },
  };
}
