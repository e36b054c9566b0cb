// Every screen at the smallest and a large terminal size the trainer supports (issue 6): no row wider
// than the terminal, no frame taller, and the key help always the last thing drawn.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App.js';
import { KEY, mount } from './drive.js';
import { fakeServices, type Fake } from './fake-services.js';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  vi.unstubAllEnvs();
});

type App = Awaited<ReturnType<typeof mount>>;

/** The walk through the screens, each step ending on a screen whose key help line is given. */
const WALK: [string, (app: App, services: Fake) => Promise<void>, string, string][] = [
  ['home', async () => {}, '0/2', '↑↓ choose'],
  ['kata', async (app) => app.press(KEY.enter), 'Fix k1', 'esc back'],
  ['result', async (app) => app.press('c'), '✗ FAIL', 'tab code'],
  ['solved', async (app, services) => { services.nextStatus = 'pass'; await app.press('c'); }, '✓ Solved', 'why it works'],
  ['explanation', async (app) => app.press(KEY.enter), 'Paragraph 1 ', 'next kata'],
  ['diff', async (app) => app.press('d'), 'Your fix against the reference', 'esc back'],
  ['kata quiz', async (app) => app.press('q'), 'question 1 of 2', 'answer'],
  ['home again', async (app) => { for (let i = 0; i < 4; i++) await app.press(KEY.escape); }, '1/2', '↑↓ choose'],
  ['quiz mode', async (app) => app.press('t'), 'Quiz · question 1 of', 'esc'],
  ['dashboard', async (app) => { await app.press(KEY.escape); await app.press('p'); }, 'katas solved', 'esc back'],
];

describe.each([
  [60, 20],
  [200, 60],
])('at %ix%i', (columns, rows) => {
  it.each([false, true])('every screen fits (NO_COLOR %s)', async (noColor) => {
    if (noColor) vi.stubEnv('NO_COLOR', '1');
    const services = fakeServices();
    const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} explains why awaiting in a loop serialises the calls.`).join('\n\n');
    services.explanation = () => `## Core answer\n\n${long}\n`;
    const app = await mount(<App services={services} />);
    unmount = app.unmount;
    await app.resize(columns, rows);
    for (const [name, step, shows, help] of WALK) {
      await step(app, services);
      await app.waitFor(shows);
      const frame = app.frame().split('\n');
      expect(frame.length, `${name}: ${frame.length} rows`).toBeLessThanOrEqual(rows);
      for (const row of frame) expect([...row].length, `${name}: ${row}`).toBeLessThanOrEqual(columns);
      // Some screens keep a fixed height, so blank rows may follow; nothing but them.
      expect(frame.filter((row) => row.trim()).at(-1), name).toContain(help);
      if (noColor) expect(app.lastFrame() ?? '', name).not.toMatch(/\u001B\[(?:3\d|4\d|9\d|38;|48;)[0-9;]*m/);
    }
  });
});
