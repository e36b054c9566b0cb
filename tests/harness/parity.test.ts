// Where the harness wraps the learner's coroutines (to draw timelines), it must still behave as CPython
// does: here, a coroutine object awaited by a second task while the first is suspended in it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findKata } from '../../src/core/catalog.js';
import { runCheck } from '../../src/core/check.js';
import { loadPack } from '../../src/core/pack.js';
import { allDiagnostics } from '../../src/core/result.js';
import { REPO, tempDir, testPython } from '../helpers.js';

const PACK = path.join(REPO, 'examples', 'team-pack');

it('a coroutine awaited twice at once fails as in CPython itself, at the learner line', async () => {
  const python = await testPython();
  const plain = execFileSync(python.exe, ['-c', `
import asyncio
async def slow():
    await asyncio.sleep(0.01)
async def main():
    shared = slow()
    async def wait():
        await shared
    a = asyncio.create_task(wait()); b = asyncio.create_task(wait())
    for r in await asyncio.gather(a, b, return_exceptions=True):
        if isinstance(r, BaseException): print(type(r).__name__ + ": " + str(r))
asyncio.run(main())
`], { encoding: 'utf8' });
  expect(plain.trim()).toBe('RuntimeError: coroutine is being awaited already');

  const kata = loadPack(PACK).katas.find((k) => k.id === 'team-pack/request-coalescing')!;
  const file = path.join(kata.dir, 'corpus', 'fail-shared-coroutine.py');
  const result = await runCheck({ kata, file, python });
  const exception = allDiagnostics(result).find((d) => d.kind === 'exception');
  expect(exception?.message).toMatch(/^RuntimeError: coroutine is being awaited already \(raised at .*fail-shared-coroutine\.py:35 in get\)/);
});

it('tasks and futures on the harness loop print as CPython prints them', async () => {
  const python = await testPython();
  const probe = `
import asyncio
async def probe():
    t = asyncio.ensure_future(asyncio.sleep(0))
    f = asyncio.get_running_loop().create_future()
    print(type(t).__name__, type(f).__name__, repr(t).split(" coro=")[0], repr(f))
    f.set_result(1)
    await t
`;
  const plain = execFileSync(python.exe, ['-c', `${probe}\nasyncio.run(probe())`], { encoding: 'utf8' }).trim();
  expect(plain).toBe("Task Future <Task pending name='Task-2' <Future pending>");
  const solution = fs.readFileSync(path.join(REPO, 'katas', 'python', 'forgotten-await', 'solution.py'), 'utf8');
  const file = path.join(tempDir('ak-parity-'), 'learner.py');
  fs.writeFileSync(file, `${solution}\n${probe}`.replace('    receipt = await create_receipt(order_id)', '    await probe()\n    receipt = await create_receipt(order_id)'));
  const result = await runCheck({ kata: findKata('forgotten-await'), file, python });
  expect(result.status).toBe('pass');
  expect(result.tests[0]!.output.split('\n')[0]).toMatch(/^Task Future <Task pending name='Task-\d+' <Future pending>$/);
});
