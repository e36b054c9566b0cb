// Quiz mode within the app, against fake services: the session, digits, explanations, the summary.
import '../components/force-color.js';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App.js';
import { KEY, mount } from './drive.js';
import { bankItem, fakeServices, NOW } from './fake-services.js';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  vi.unstubAllEnvs();
});

async function start(services = fakeServices(), props: { start?: 'quiz' } = {}) {
  const app = await mount(<App services={services} {...props} />);
  unmount = app.unmount;
  return app;
}

const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const rowsOf = (frame: string) => frame.split('\n');

describe('home entries', () => {
  it('draws the first frame without reading any quiz, then shows how many questions are due', async () => {
    const services = fakeServices();
    services.review = { 'k1#1': { box: 1, due: NOW.toISOString(), seen: 1, correct: 0 }, 'k1#2': { box: 2, due: later(60_000), seen: 1, correct: 1 } };
    const app = render(<App services={services} />);
    unmount = app.unmount;
    expect(app.lastFrame()).toContain('Quiz');
    expect(app.lastFrame()).toContain('Progress');
    expect(services.calls).not.toContain('pool');
    const driven = { frame: () => app.lastFrame() ?? '' };
    const until = Date.now() + 5000;
    while (!driven.frame().includes('1 due now · 2 never asked') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(driven.frame()).toContain('1 due now · 2 never asked');
  });

  it('lists both entries in the key help and opens them from the list or by their keys', async () => {
    const app = await start();
    await app.waitFor('0/2');
    expect(app.frame()).toContain('t quiz · p progress');
    await app.press('t');
    await app.waitFor('question 1 of 4');
    await app.press(KEY.escape);
    await app.waitFor('0/2');
    await app.press('p');
    await app.waitFor('katas solved');
    await app.press(KEY.escape);
    await app.waitFor('0/2');
    // The preselected row is the next kata; the quiz is two rows up.
    await app.press(KEY.up, KEY.up, KEY.enter);
    await app.waitFor('question 1 of 4');
  });
});

describe('quiz mode', () => {
  it('answers with digits, explains every choice, keeps score and streak, records each answer at once', async () => {
    const services = fakeServices();
    const app = await start(services);
    await app.waitFor('0/2');
    await app.press('t');
    await app.waitFor('Quiz · question 1 of 4 · score 0 · streak 0');
    expect(app.frame()).toContain('What does calling an async def give you?');
    expect(app.frame()).toContain('1-2 answer');
    await app.press('1');
    await app.waitFor('✓ Right.');
    expect(services.calls).toContain('review k1#1 true');
    expect(app.frame()).toContain('Calling creates it; awaiting runs it.');
    expect(app.frame()).toContain('Only awaiting gives the value.');
    expect(app.frame()).toMatch(/✓ 1\. A coroutine object \(your answer\)/);
    await app.press(KEY.enter);
    await app.waitFor('question 2 of 4 · score 1 · streak 1');
    await app.press('1');
    await app.waitFor('✗ Not quite: the answer is 2.');
    expect(app.frame()).toMatch(/✗ 1\. At once \(your answer\)/);
    expect(app.frame()).toMatch(/✓ 2\. When the coroutine is dropped unawaited/);
    expect(services.calls).toContain('review k1#2 false');
    await app.press(KEY.enter);
    await app.waitFor('question 3 of 4 · score 1 · streak 0');
    // Arrows and Enter answer too.
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('✗ Not quite: the answer is 1.');
    await app.press(KEY.enter);
    await app.press('9');
    expect(app.frame()).not.toContain('Not quite');
    await app.press('2');
    await app.waitFor('✓ Right.');
    await app.press(KEY.enter);
    await app.waitFor('Quiz done');
    expect(app.frame()).toContain('Score: 2 of 4 right (50%) · best streak 1');
    expect(app.frame()).toContain('2 questions in 10 minutes');
    expect(app.frame()).toContain('2 questions in 1 day');
    expect(services.calls.filter((c) => c.startsWith('review'))).toEqual(['review k1#1 true', 'review k1#2 false', 'review k2#1 false', 'review k2#2 true']);
    // Another round asks what is due first: nothing is due yet, so the soonest come back first.
    await app.press(KEY.enter);
    await app.waitFor('question 1 of 4');
    expect(app.frame()).toContain('When does the warning fire?');
  });

  it('shows where a question comes from, and the Python a bank question needs', async () => {
    const services = fakeServices();
    services.bank = [bankItem('tg', 'task groups', { minPython: '3.11' })];
    services.review = Object.fromEntries(['k1#1', 'k1#2', 'k2#1', 'k2#2'].map((id) => [id, { box: 3, due: later(86_400_000), seen: 2, correct: 2 }]));
    const app = await start(services, { start: 'quiz' });
    await app.waitFor('Bank question tg?');
    expect(app.frame()).toContain('task groups · Python 3.11+');
    await app.press(KEY.enter);
    await app.press(KEY.enter);
    await app.waitFor(/question 2 of 5/);
    expect(app.frame()).toContain('await · from k1');
    expect(app.frame()).not.toContain('Python 3.');
  });

  it('opens straight in quiz mode for `async-katas quiz`, and esc goes home', async () => {
    const app = await start(fakeServices(), { start: 'quiz' });
    await app.waitFor('question 1 of 4');
    await app.press(KEY.escape);
    await app.waitFor('0/2');
  });

  it('says so when there is nothing to ask, or the questions cannot be read', async () => {
    const empty = await start(fakeServices([]), { start: 'quiz' });
    await empty.waitFor('There are no quiz questions to ask');
    expect(empty.frame()).toContain('esc home');
    empty.unmount();
    const services = fakeServices();
    services.poolError = 'katas/python/k1/quiz.json: not valid JSON';
    const broken = await start(services);
    await broken.press('t');
    await broken.waitFor('The quiz questions could not be read: katas/python/k1/quiz.json: not valid JSON');
    await broken.press(KEY.escape);
    await broken.waitFor('0/2');
  });

  it('fits 60x20 with a long prompt and long explanations, scrolling to the end', async () => {
    const services = fakeServices([]);
    const long = (what: string) => `${`${what} goes on and on about the event loop and its tasks. `.repeat(4)}`;
    services.bank = [
      {
        id: 'bank:long',
        topic: 'event loop',
        prompt: `${long('The prompt')}\n\n    await asyncio.sleep(0)\n\nWhat happens? THE-END-OF-THE-PROMPT`,
        choices: [0, 1, 2, 3].map((i) => ({ text: long(`Choice ${i + 1}`), correct: i === 2, why: `${long(`Why ${i + 1}`)}${i === 3 ? 'END-OF-LAST-WHY' : ''}` })),
      },
    ];
    const app = await start(services, { start: 'quiz' });
    await app.resize(60, 20);
    await app.waitFor('question 1 of 1');
    const fits = () => {
      const rows = rowsOf(app.frame());
      expect(rows.length).toBeLessThanOrEqual(20);
      for (const row of rows) expect([...row].length, row).toBeLessThanOrEqual(60);
      expect(rows.at(-1)).toContain('esc home');
    };
    fits();
    expect(app.frame()).toContain('↓ more');
    // The code in the prompt keeps its indentation.
    expect(app.frame()).toContain('    await asyncio.sleep(0)');
    // Choosing the last choice brings it into view.
    await app.press(KEY.up);
    await app.waitFor('❯ 4.');
    fits();
    await app.press('3');
    await app.waitFor('✓ Right.');
    fits();
    for (let i = 0; i < 40; i++) await app.press(KEY.down);
    await app.waitFor('END-OF-LAST-WHY');
    fits();
    expect(app.frame()).not.toContain('↓ more');
  });

  it('with NO_COLOR: no styling at all, and the marks still tell right from wrong', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const app = await start(fakeServices(), { start: 'quiz' });
    await app.waitFor('question 1 of 4');
    await app.press('2');
    await app.waitFor('Not quite');
    const raw = app.lastFrame() ?? '';
    expect(raw).not.toMatch(/\u001B\[[0-9;]*m/);
    expect(raw).toMatch(/✗ 2\. Its return value \(your answer\)/);
    expect(raw).toMatch(/✓ 1\. A coroutine object/);
  });
});
