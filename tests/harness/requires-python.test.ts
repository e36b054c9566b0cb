// Newer APIs reached in ways the harness recognises: on an interpreter too old for them the verdict
// names the API and the version it needs, on every CPython found; on one new enough, no such verdict.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiagnostics } from '../../src/core/result.js';
import { tempDir } from '../helpers.js';
import { installedInterpreters } from './interpreters.js';
import { check, kataFile } from './run.js';

const SOLUTION = fs.readFileSync(kataFile('forgotten-await', 'solution.py'), 'utf8');
const AWAIT = '    receipt = await create_receipt(order_id)';

const CASES: [string, string, [number, number], RegExp][] = [
  ['create_task(context=)', `    import contextvars\n    receipt = await asyncio.create_task(create_receipt(order_id), context=contextvars.copy_context())`, [3, 11], /^create_task\(\.\.\., context=\.\.\.\) needs Python 3\.11 or newer/],
  ['with var.set()', `    import contextvars\n    var = contextvars.ContextVar("v")\n    with var.set(1):\n        receipt = await create_receipt(order_id)`, [3, 14], /^a ContextVar token as a context manager \(with var\.set\(\.\.\.\)\) needs Python 3\.14 or newer/],
];

describe.each(installedInterpreters())('CPython $version', ({ version, exe }) => {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  it.each(CASES)('%s', async (_name, body, need, message) => {
    const file = path.join(tempDir('ak-requires-'), 'learner.py');
    fs.writeFileSync(file, SOLUTION.replace(AWAIT, body));
    const result = await check('forgotten-await', file, exe);
    const requires = allDiagnostics(result).filter((d) => d.kind === 'requires-python');
    if (major * 100 + minor < need[0] * 100 + need[1]) {
      expect(result.status).not.toBe('pass');
      expect(requires[0]?.message).toMatch(message);
    } else {
      expect(requires).toEqual([]);
      expect(result.status).toBe('pass');
    }
  });
});
