// The trainer's screens and keys, end to end within the app, against fake services.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/ui/App.js';
import { KEY, mount } from './drive.js';
import { fakeServices } from './fake-services.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function start(services = fakeServices(), initialKata?: string) {
  const app = await mount(<App services={services} initialKata={initialKata} />);
  unmount = app.unmount;
  return app;
}

describe('home', () => {
  it('lists every kata with its state and preselects the next unsolved one', async () => {
    const services = fakeServices();
    services.states.set('k1', { status: 'solved', attempts: 2, hintsUsed: 0 });
    const app = await start(services);
    await app.waitFor('1/2');
    expect(app.frame()).toMatch(/Level 1\s+✓ Title of k1\s+k1 · solved/);
    // One group, so the level is named once; the next unsolved kata is preselected.
    expect(app.frame()).toMatch(/❯\s+· Title of k2\s+k2 · new/);
    expect(app.frame().match(/Level 1/g)).toHaveLength(1);
    await app.press(KEY.enter);
    await app.waitFor('Fix k2 so that it works.');
  });
});

it('shows a notice that arrives after start-up (a progress file moved aside)', async () => {
  const services = fakeServices();
  const app = await start(services);
  await app.waitFor('0/2');
  services.notify?.('progress.json could not be read; moved to progress.corrupt-1.json');
  await app.waitFor('moved to progress.corrupt-1.json');
});

describe('kata screen', () => {
  it('checks on c and shows the failing test with the learner line; tab flips back to the code', async () => {
    const services = fakeServices();
    const app = await start(services, 'k1');
    await app.waitFor('# starter of k1');
    expect(app.frame()).toContain('Not checked yet');
    await app.press('c');
    await app.waitFor('✗ FAIL  returns the receipt');
    expect(app.frame()).toContain('k1.py:2  never-awaited');
    expect(app.frame()).toContain('✗ 1 of 2 tests pass');
    await app.press(KEY.tab);
    await app.waitFor('# starter of k1');
    // The failing line is marked in the code view.
    expect(app.frame()).toMatch(/!\s*2/);
    expect(services.calls).toContain('record k1 fail');
  });

  it('re-checks by itself when the file is saved, and shows the new code', async () => {
    const services = fakeServices();
    const app = await start(services, 'k1');
    await app.waitFor('# starter of k1');
    services.save('k1', '# my fix\n');
    await app.waitFor('✗ FAIL');
    expect(services.calls.filter((c) => c === 'check k1')).toHaveLength(1);
    await app.press(KEY.tab);
    await app.waitFor('# my fix');
  });

  it('shows hints one tier at a time and records them', async () => {
    const services = fakeServices();
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('h');
    await app.waitFor('hint 1/3: first hint for k1');
    expect(app.frame()).not.toContain('second hint');
    await app.press('h', 'h', 'h');
    await app.waitFor('All 3 hints are shown');
    expect(app.frame()).toContain('hint 3/3: third hint for k1');
    expect(services.calls.filter((c) => c.startsWith('hint'))).toEqual(['hint k1 1', 'hint k1 2', 'hint k1 3']);
  });

  it('wraps a long hint instead of cutting it', async () => {
    const services = fakeServices();
    services.katas[0]!.hints[0] = `${'await the coroutine that create_receipt returns, '.repeat(4)}THE-END-OF-THE-HINT`;
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('h');
    await app.waitFor('THE-END-OF-THE-HINT');
  });

  it('resets only after a y, and keeps the file on n or esc', async () => {
    const services = fakeServices();
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('r');
    await app.waitFor('Reset? [y/N]');
    await app.press('n');
    await app.waitFor('Fix k1');
    expect(services.calls).not.toContain('reset k1');
    await app.press('r');
    await app.waitFor('Reset? [y/N]');
    await app.press('y');
    await app.waitFor('.bak');
    expect(services.calls).toContain('reset k1');
  });

  it('opens the editor on e and says so when it cannot start', async () => {
    const services = fakeServices();
    services.editorOutcome = { ok: false, error: 'could not start "nope": set $EDITOR' };
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('e');
    await app.waitFor('could not start "nope"');
    expect(services.calls).toContain('edit /ws/k1.py');
  });

  it('goes home on esc', async () => {
    const app = await start(fakeServices(), 'k1');
    await app.waitFor('Fix k1');
    await app.press(KEY.escape);
    await app.waitFor('0/2');
  });
});

describe('after a pass', () => {
  it('celebrates, explains, quizzes with every answer explained, then moves to the next kata', async () => {
    const services = fakeServices();
    services.nextStatus = 'pass';
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('c');
    await app.waitFor('✓ Solved: Title of k1');
    await app.press(KEY.enter);
    await app.waitFor('The fix for k1 is to await.');
    await app.press('q');
    await app.waitFor('question 1 of 2');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('Not quite.');
    expect(app.frame()).toContain('Only awaiting gives the value.');
    expect(app.frame()).toContain('Calling creates it; awaiting runs it.');
    await app.press(KEY.enter);
    await app.waitFor('question 2 of 2');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('Right.');
    await app.press(KEY.enter);
    await app.waitFor('Quiz: 1 of 2 right');
    expect(services.calls).toEqual(expect.arrayContaining(['quiz k1 0 1 false', 'quiz k1 1 1 true']));
    await app.press(KEY.enter);
    await app.waitFor('Fix k2 so that it works.');
  });

  it('scrolls a long explanation and goes back one screen at a time on esc', async () => {
    const services = fakeServices();
    services.nextStatus = 'pass';
    const long = Array.from({ length: 80 }, (_, i) => `Paragraph number ${i + 1} of the explanation.`).join('\n\n');
    services.explanation = () => `## Core answer\n\n${long}\n`;
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('c');
    await app.waitFor('✓ Solved');
    await app.press(KEY.enter);
    await app.waitFor('Paragraph number 1 of');
    expect(app.frame()).not.toContain('Paragraph number 80 of');
    await app.press(' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ');
    await app.waitFor('Paragraph number 80 of');
    expect(app.frame()).not.toContain('Paragraph number 1 of');
    expect(app.frame()).toContain('(100%)');
    await app.press(KEY.escape);
    await app.waitFor('✓ Solved');
    await app.press(KEY.escape);
    // Home, with the kata now counted as solved.
    await app.waitFor('1/2');
  });

  it('shows the learner file against the reference on d', async () => {
    const services = fakeServices();
    services.nextStatus = 'pass';
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('c');
    await app.waitFor('✓ Solved');
    await app.press('d');
    await app.waitFor('# solution of k1');
    expect(app.frame()).toContain('# starter of k1');
  });
});
