// KeyHelp, ProgressBar, Spinner and OutputBox: the one-row and bounded pieces of a screen.
import './force-color.js';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { KeyHelp } from '../../../src/ui/components/KeyHelp.js';
import { OutputBox, outputBoxHeight } from '../../../src/ui/components/OutputBox.js';
import { ProgressBar } from '../../../src/ui/components/ProgressBar.js';
import { Spinner, SPINNER_FRAMES } from '../../../src/ui/components/Spinner.js';
import { KEYS } from '../../../src/ui/keys.js';
import { columns, frameOf, hasEscapes, plain, rowsOf } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('KeyHelp', () => {
  test('one line of key label pairs', () => {
    expect(rowsOf(<KeyHelp keys={KEYS.kata} width={100} />)).toEqual(['e edit · c check · h hint · tab result · r reset · esc back']);
  });

  test('cut to the width at a whole pair, with … for the rest', () => {
    const rows = rowsOf(<KeyHelp keys={KEYS.kata} width={30} />);
    expect(rows).toEqual(['e edit · c check · h hint …']);
    for (let width = 5; width <= 70; width++) {
      const [row] = rowsOf(<KeyHelp keys={KEYS.explanation} width={width} />);
      expect(columns(row ?? ''), `width ${width}`).toBeLessThanOrEqual(width);
    }
  });
});

describe('ProgressBar', () => {
  test('[████░░░░] done/total within its width', () => {
    const [row] = rowsOf(<ProgressBar done={2} total={5} width={20} />);
    expect(row).toBe('[██████░░░░░░░░] 2/5');
    expect(columns(row!)).toBe(20);
  });

  test('empty, full, and nothing to do', () => {
    expect(rowsOf(<ProgressBar done={0} total={5} width={14} />)).toEqual(['[░░░░░░░░] 0/5']);
    expect(rowsOf(<ProgressBar done={5} total={5} width={14} />)).toEqual(['[████████] 5/5']);
    expect(rowsOf(<ProgressBar done={0} total={0} width={14} />)).toEqual(['[░░░░░░░░] 0/0']);
  });

  test('any progress shows, and only all done is full', () => {
    expect(rowsOf(<ProgressBar done={1} total={100} width={16} />)).toEqual(['[█░░░░░░░] 1/100']);
    expect(rowsOf(<ProgressBar done={99} total={100} width={17} />)).toEqual(['[███████░] 99/100']);
  });
});

describe('Spinner', () => {
  test('turns by itself and shows its label', async () => {
    const { frames, lastFrame, unmount } = render(<Spinner label="checking your file…" interval={10} />);
    expect(plain(lastFrame() ?? '')).toMatch(/^. checking your file…$/);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const shown = new Set(frames.map((f) => [...plain(f)][0]));
    unmount();
    expect(shown.size).toBeGreaterThan(1);
    for (const ch of shown) expect(SPINNER_FRAMES as readonly string[]).toContain(ch);
  });

  test('clears its interval on unmount', async () => {
    const set = vi.spyOn(globalThis, 'setInterval');
    const clear = vi.spyOn(globalThis, 'clearInterval');
    const { unmount } = render(<Spinner label="x" interval={57} />);
    // The effect runs after the first paint; give React its tick.
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Only the spinner's own interval (its unusual period tells it apart from any other timer).
    const timers = set.mock.calls.flatMap((call, i) => (call[1] === 57 ? [set.mock.results[i]!.value as unknown] : []));
    expect(timers).toHaveLength(1);
    unmount();
    expect(clear.mock.calls.map((c) => c[0] as unknown)).toContain(timers[0]);
  });
});

describe('OutputBox', () => {
  test('a box with a title, the output inside', () => {
    const rows = rowsOf(<OutputBox output={'hello\nworld\n'} maxLines={5} width={20} />);
    expect(rows).toEqual(['╭─ your output ────╮', '│ hello            │', '│ world            │', '╰──────────────────╯']);
    expect(outputBoxHeight('hello\nworld\n', 5)).toBe(rows.length);
  });

  test('bounded: the first lines, then how many more', () => {
    const output = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const rows = rowsOf(<OutputBox output={output} maxLines={4} width={30} />);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(/^│ line 0 +│$/);
    expect(rows[3]).toMatch(/^│ line 2 +│$/);
    expect(rows[4]).toMatch(/^│ … 47 more lines +│$/);
    expect(outputBoxHeight(output, 4)).toBe(6);
  });

  test('long lines are cut, and escape sequences in a print never reach the terminal', () => {
    vi.stubEnv('NO_COLOR', '1');
    const frame = frameOf(<OutputBox output={`\u001B[2J\u001B[31mred\u001B[0m ${'x'.repeat(100)}`} maxLines={3} width={30} />);
    expect(hasEscapes(frame)).toBe(false);
    const rows = frame.split('\n');
    expect(rows[1]).toMatch(/^│ red x+… │$/);
    for (const r of rows) expect(columns(r)).toBe(30);
  });
});

test('with colour on these draw escape codes; under NO_COLOR none', () => {
  const all = () => [
    frameOf(<KeyHelp keys={KEYS.home} width={60} />),
    frameOf(<ProgressBar done={1} total={3} width={20} />),
    frameOf(<Spinner label="x" />),
    frameOf(<OutputBox output="x" maxLines={2} width={20} />),
  ];
  for (const frame of all()) expect(hasEscapes(frame)).toBe(true);
  vi.stubEnv('NO_COLOR', '1');
  for (const frame of all()) expect(hasEscapes(frame)).toBe(false);
});
