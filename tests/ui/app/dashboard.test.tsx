// The progress dashboard and the home list's sections, within the app, against fake services.
import '../components/force-color.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/App.js';
import { localDay } from '../../../src/core/practice-days.js';
import { KEY, mount } from './drive.js';
import { bankItem, fakeServices, kata, NOW } from './fake-services.js';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  vi.unstubAllEnvs();
});

async function start(services = fakeServices(), initialKata?: string) {
  const app = await mount(<App services={services} initialKata={initialKata} />);
  unmount = app.unmount;
  return app;
}

function progressed() {
  const services = fakeServices();
  services.states.set('k1', { status: 'solved', attempts: 2, hintsUsed: 2, quiz: { 0: { correct: true }, 1: { correct: false } } });
  services.bank = [bankItem('tg', 'task groups')];
  services.review = { 'bank:tg': { box: 2, due: NOW.toISOString(), seen: 3, correct: 2 }, 'k2#1': { box: 1, due: NOW.toISOString(), seen: 1, correct: 1 } };
  services.days = { [localDay(NOW)]: 30 };
  return services;
}

describe('dashboard', () => {
  it('shows solved/total, hints, quiz accuracy per concept, and practice days as cells', async () => {
    const app = await start(progressed());
    await app.waitFor('1/2');
    await app.press('p');
    await app.waitFor('katas solved');
    const frame = app.frame();
    expect(frame).toMatch(/\[█+░+\] 1\/2 katas solved/);
    expect(frame).toContain('Hints used: 2 of 6 (in 1 kata)');
    // k1's own quiz 1 of 2, k2's card 1 of 1, the bank card 2 of 3.
    expect(frame).toContain('Quiz: 4 of 6 answers right (67%)');
    // await: k1 solved of k1, k2; its quiz answers (1 of 2) and k2's card (1 of 1).
    expect(frame).toMatch(/await\s+1\/2\s+2\/3\s+67%/);
    // A bank topic no kata teaches: no katas, its card's answers.
    expect(frame).toMatch(/task groups\s+—\s+2\/3\s+67%/);
    expect(frame).toContain('Practice days: 1 of the last 56');
    // Today, the busiest kind of day, is the last cell; the 55 days before it were empty.
    expect(frame).toContain(`${'·'.repeat(55)}█`);
    expect(frame).toContain('R reset all');
    await app.press(KEY.escape);
    await app.waitFor('1/2 solved');
  });

  it('resets everything only after a y, like reset --all', async () => {
    const services = progressed();
    const app = await start(services);
    await app.waitFor('1/2');
    await app.press('p');
    await app.waitFor('katas solved');
    await app.press('R');
    await app.waitFor('Reset everything? [y/N]');
    expect(app.frame()).toContain('.py.bak');
    await app.press('n');
    await app.waitFor('katas solved');
    expect(services.calls).not.toContain('reset-all');
    await app.press('R');
    await app.waitFor('[y/N]');
    await app.press('y');
    await app.waitFor('All progress cleared');
    expect(services.calls).toContain('reset-all');
    expect(app.frame()).toContain('0/2 katas solved');
    expect(app.frame()).toContain('Quiz: nothing answered yet');
    await app.press(KEY.escape);
    await app.waitFor('0/2 solved');
  });

  it('forgets the hints shown in this session after a reset-all', async () => {
    const services = fakeServices();
    const app = await start(services, 'k1');
    await app.waitFor('Fix k1');
    await app.press('h');
    await app.waitFor('hint 1/3');
    await app.press(KEY.escape);
    await app.waitFor('0/2');
    await app.press('p', 'R', 'y');
    await app.waitFor('All progress cleared');
    await app.press(KEY.escape);
    await app.waitFor('0/2');
    await app.press(KEY.enter);
    await app.waitFor('Fix k1');
    expect(app.frame()).not.toContain('hint 1/3');
  });

  it('fits 60x20 with many concepts and scrolls to the last; NO_COLOR draws no styling', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const services = fakeServices([]);
    services.katas.push(...['a', 'b', 'c'].map((id) => ({ ...kata(id), concepts: Array.from({ length: 10 }, (_, i) => `concept ${id}${i} with a rather long name indeed`) })));
    services.katas[2]!.concepts.push('THE-LAST-CONCEPT');
    const app = await start(services);
    await app.resize(60, 20);
    await app.press('p');
    await app.waitFor('katas solved');
    const fits = () => {
      const rows = app.frame().split('\n');
      expect(rows.length).toBeLessThanOrEqual(20);
      for (const row of rows) expect([...row].length, row).toBeLessThanOrEqual(60);
      expect(rows.at(-1)).toContain('esc back');
    };
    fits();
    expect(app.frame()).toContain('↓ more');
    expect(app.frame()).not.toContain('THE-LAST-CONCEPT');
    await app.press(' ', ' ', ' ', ' ', ' ');
    await app.waitFor('THE-LAST-CONCEPT');
    fits();
    expect(app.lastFrame() ?? '').not.toMatch(/\u001B\[[0-9;]*m/);
  });
});

describe('home sections', () => {
  it('fits 60x20 with many katas and a pack: the list scrolls, the quiz row stays reachable', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const services = fakeServices(Array.from({ length: 25 }, (_, i) => `kata-with-a-long-id-${i + 1}`));
    services.katas.push({ ...kata('team/a', 1), title: 'A team kata with a title long enough to be cut', pack: { name: 'team', version: '1.2.0', dir: '/p' } });
    const app = await start(services);
    await app.resize(60, 20);
    await app.waitFor('due now');
    const fits = () => {
      const rows = app.frame().split('\n');
      expect(rows.length).toBeLessThanOrEqual(20);
      for (const row of rows) expect([...row].length, row).toBeLessThanOrEqual(60);
      expect(rows.at(-1)).toContain('↑↓ choose');
    };
    fits();
    expect(app.lastFrame() ?? '').not.toMatch(/\u001B\[[0-9;]*m/);
    // Narrow: the mark keeps the state, the id column goes.
    expect(app.frame()).toMatch(/❯ Level 1\s+· Title of kata-with-a-long-id-1\n/);
    for (let i = 0; i < 25; i++) await app.press(KEY.down);
    await app.waitFor(/Pack team 1\.2\.0\n❯ Level 1\s+· A team kata/);
    fits();
    await app.press(KEY.down);
    await app.waitFor(/❯ Quiz/);
    fits();
  });

  it('lists built-in katas first, then each pack under its name and version; the heading is never selected', async () => {
    const services = fakeServices();
    services.katas.push(
      { ...kata('team/a', 2), title: 'A team kata', pack: { name: 'team', version: '1.2.0', dir: '/packs/team' } },
      { ...kata('other/b', 1), title: 'Another pack kata', pack: { name: 'other', version: '0.1.0', dir: '/packs/other' } },
    );
    services.states.set('k1', { status: 'solved', attempts: 1, hintsUsed: 0 });
    services.states.set('k2', { status: 'solved', attempts: 1, hintsUsed: 0 });
    const app = await start(services);
    await app.waitFor('2/4');
    const frame = app.frame();
    const at = (text: string) => frame.indexOf(text);
    expect(at('Title of k2')).toBeLessThan(at('Pack team 1.2.0'));
    expect(at('Pack team 1.2.0')).toBeLessThan(at('A team kata'));
    expect(at('A team kata')).toBeLessThan(at('Pack other 0.1.0'));
    expect(at('Pack other 0.1.0')).toBeLessThan(at('Another pack kata'));
    // Each section names its levels again.
    expect(frame).toMatch(/Level 2\s+· A team kata\s+team\/a · new/);
    expect(frame).toMatch(/❯ Level 2\s+· A team kata/);
    await app.press(KEY.down);
    await app.waitFor(/❯ Level 1\s+· Another pack kata/);
    await app.press(KEY.up, KEY.up);
    await app.waitFor(/❯\s+✓ Title of k2/);
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('Fix team/a so that it works.');
  });
});
