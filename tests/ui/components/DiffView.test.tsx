import './force-color.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DiffView } from '../../../src/ui/components/DiffView.js';
import { frameOf, hasEscapes, rowsOf } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const BEFORE = ['import asyncio', '', 'async def checkout(order):', '    receipt = create_receipt(order)', '    return receipt', ''].join('\n');
const AFTER = ['import asyncio', '', 'async def checkout(order):', '    receipt = await create_receipt(order)', '    return receipt'].join('\n');

describe('DiffView', () => {
  test('shows the labels, then - for the learner only, + for the reference only, context unmarked', () => {
    const rows = rowsOf(<DiffView before={BEFORE} after={AFTER} beforeLabel="your file" afterLabel="reference" height={20} width={60} />);
    expect(rows).toEqual([
      '--- your file',
      '+++ reference',
      '  import asyncio',
      '',
      '  async def checkout(order):',
      '-     receipt = create_receipt(order)',
      '+     receipt = await create_receipt(order)',
      '      return receipt',
    ]);
  });

  test('colours removed lines red and added lines green', () => {
    const frame = frameOf(<DiffView before={BEFORE} after={AFTER} beforeLabel="a" afterLabel="b" height={20} width={60} />);
    expect(frame).toContain('\u001B[31m-     receipt = create_receipt(order)');
    expect(frame).toContain('\u001B[32m+     receipt = await create_receipt(order)');
    vi.stubEnv('NO_COLOR', '1');
    expect(hasEscapes(frameOf(<DiffView before={BEFORE} after={AFTER} beforeLabel="a" afterLabel="b" height={20} width={60} />))).toBe(false);
  });

  test('folds long unchanged stretches', () => {
    const body = Array.from({ length: 30 }, (_, i) => `x${i} = ${i}`);
    const before = [...body, 'y = 1'].join('\n');
    const after = [...body, 'y = 2'].join('\n');
    const rows = rowsOf(<DiffView before={before} after={after} beforeLabel="a" afterLabel="b" height={20} width={60} />);
    expect(rows[2]).toBe('  ⋯ 27 unchanged lines');
    expect(rows.slice(3)).toEqual(['  x27 = 27', '  x28 = 28', '  x29 = 29', '- y = 1', '+ y = 2']);
  });

  test('never draws more rows than its height, and says how many are left', () => {
    const before = Array.from({ length: 40 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 40 }, (_, i) => `b${i}`).join('\n');
    const rows = rowsOf(<DiffView before={before} after={after} beforeLabel="a" afterLabel="b" height={10} width={60} />);
    expect(rows).toHaveLength(10);
    expect(rows[9]).toBe('  … 73 more rows');
    const scrolled = rowsOf(<DiffView before={before} after={after} beforeLabel="a" afterLabel="b" height={10} width={60} offset={75} />);
    expect(scrolled).toEqual(['--- a', '+++ b', '+ b35', '+ b36', '+ b37', '+ b38', '+ b39']);
  });
});
