// Broken or hostile learner code (issue 6): each case gets a clear verdict, never a false pass, and
// leaves no process behind, children included. Every file notes its own pid (and its children's) so the
// test can prove they are gone. Run on the machine's Python; the watchdog cases take ~8 s each.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiagnostics, type CheckResult } from '../../src/core/result.js';
import { tempDir, testPython, waitUntilDead } from '../helpers.js';
import { check, kataFile } from './run.js';

const SOLUTION = fs.readFileSync(kataFile('forgotten-await', 'solution.py'), 'utf8');
const BODY = '    await asyncio.sleep(0)\n    return Receipt(order_id)';

/** Runs `source` (with `{pids}` standing for the pid file) as the learner's file of forgotten-await. */
async function hostile(source: string): Promise<{ result: CheckResult; pids: number[]; file: string }> {
  const dir = tempDir('ak-hostile-');
  const pidFile = path.join(dir, 'pids');
  const file = path.join(dir, 'learner.py');
  const note = `import os as _os\nwith open(${JSON.stringify(pidFile)}, "a") as _f:\n    _f.write(f"{_os.getpid()}\\n")\n`;
  fs.writeFileSync(file, note + source.replaceAll('{pids}', JSON.stringify(pidFile)));
  const result = await check('forgotten-await', file, (await testPython()).exe);
  const pids = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  return { result, pids, file };
}

async function expectNoneLeft(pids: number[]): Promise<void> {
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) expect(await waitUntilDead(pid, 5_000), `process ${pid} is still alive`).toBe(true);
}

const kinds = (r: CheckResult) => [...new Set(allDiagnostics(r).map((d) => d.kind))];
// The note takes 3 lines above the learner's own.
const NOTE_LINES = 3;

describe.skipIf(process.platform !== 'linux')('hostile or broken learner code', () => {
  it('an infinite loop at the top level: a timeout naming its line', { timeout: 30_000 }, async () => {
    const { result, pids } = await hostile(`${SOLUTION}while True: pass\n`);
    expect(result.status).toBe('error');
    const timeout = allDiagnostics(result).find((d) => d.kind === 'timeout');
    expect(timeout?.line).toBe(NOTE_LINES + SOLUTION.split('\n').length);
    expect(timeout?.message).toMatch(/never finishes \(an endless loop outside any function\?\)/);
    await expectNoneLeft(pids);
  });

  it('a loop of await asyncio.sleep(0): a timeout by loop steps, not seconds', async () => {
    const { result, pids } = await hostile(SOLUTION.replace(BODY, '    while True:\n        await asyncio.sleep(0)'));
    expect(result.status).not.toBe('pass');
    expect(kinds(result)).toContain('timeout');
    expect(result.tests[0]!.message).toMatch(/went round 20,000 times/);
    await expectNoneLeft(pids);
  });

  it('100 MB printed: the verdict stands and the output kept is bounded', async () => {
    const { result, pids } = await hostile(`import sys\nsys.stdout.write("x" * 100_000_000)\n${SOLUTION}`);
    expect(result.status).toBe('pass');
    expect(JSON.stringify(result).length).toBeLessThan(1_000_000);
    await expectNoneLeft(pids);
  });

  it('os._exit(0): an error saying the check was ended early, never a pass', async () => {
    const { result, pids } = await hostile(`${SOLUTION}os._exit(0)\n`.replace('import asyncio', 'import asyncio, os'));
    expect(result.status).toBe('error');
    expect(allDiagnostics(result)[0]?.message).toMatch(/ended the check early/);
    await expectNoneLeft(pids);
  });

  it('closing stdout: the check still reaches its verdict', async () => {
    const { result, pids } = await hostile(`import sys\nsys.stdout.close()\nos.close(1)\n${SOLUTION}`.replace('import sys', 'import sys, os'));
    expect(result.status).toBe('pass');
    expect(result.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    await expectNoneLeft(pids);
  });

  it('a fake passing result printed, then an exit: never taken for a pass', async () => {
    const fake = JSON.stringify({ version: 1, kata: 'forgotten-await', status: 'pass', tests: [] });
    const broken = SOLUTION.replace('receipt = await create_receipt(order_id)', 'receipt = create_receipt(order_id)');
    const { result, pids } = await hostile(`${broken}print(${JSON.stringify(fake)})\nos._exit(0)\n`.replace('import asyncio', 'import asyncio, os'));
    expect(result.status).toBe('error');
    await expectNoneLeft(pids);
  });

  it('an exception at import time: named, at its line', async () => {
    const { result, pids } = await hostile(`raise RuntimeError("config missing")\n${SOLUTION}`);
    expect(result.status).toBe('error');
    expect(allDiagnostics(result)[0]).toMatchObject({ kind: 'exception', line: NOTE_LINES + 1 });
    expect(result.tests[0]!.message).toMatch(/^RuntimeError: config missing \(raised at .*learner\.py:4 in <module>\)/);
    await expectNoneLeft(pids);
  });

  it('a syntax error: the line and a caret under the spot', async () => {
    const dir = tempDir('ak-hostile-');
    const file = path.join(dir, 'learner.py');
    fs.writeFileSync(file, SOLUTION.replace('async def checkout(order_id: str) -> Receipt:', 'async def checkout(order_id: str) -> Receipt'));
    const result = await check('forgotten-await', file, (await testPython()).exe);
    expect(result.status).toBe('error');
    const syntax = allDiagnostics(result).find((d) => d.kind === 'syntax-error')!;
    expect(syntax.line).toBe(15);
    const [head, code, caret] = syntax.message.split('\n');
    expect(head).toMatch(/^SyntaxError: expected ':' at .*learner\.py:15$/);
    expect(code).toBe('    async def checkout(order_id: str) -> Receipt');
    expect(caret).toBe(`    ${' '.repeat(code!.length - 4)}^`);
  });

  it('a missing module: named, and why only the standard library is there', async () => {
    const { result, pids } = await hostile(`import aiohttp\n${SOLUTION}`);
    expect(result.status).toBe('error');
    expect(result.tests[0]!.message).toMatch(/No module named 'aiohttp'.*checks run on the standard library alone/);
    await expectNoneLeft(pids);
  });

  it('unbounded recursion: a RecursionError at the learner line', async () => {
    const { result, pids } = await hostile(`def again(n):\n    return again(n + 1)\nagain(0)\n${SOLUTION}`);
    expect(result.status).toBe('error');
    expect(result.tests[0]!.message).toMatch(/^RecursionError: the code calls itself without end \(raised at .*learner\.py:[45] in again\)/);
    await expectNoneLeft(pids);
  });

  it('a subprocess in a session of its own, meant to outlive the check: ended with it', async () => {
    const spawn = `import subprocess\n_p = subprocess.Popen(["sleep", "300"], start_new_session=True)\nwith open({pids}, "a") as _f:\n    _f.write(f"{_p.pid}\\n")\n`;
    const { result, pids } = await hostile(`${spawn}${SOLUTION}`);
    expect(result.status).toBe('pass'); // the Popen at import blocks nothing; the code is otherwise right
    expect(pids).toHaveLength(2);
    await expectNoneLeft(pids);
  });

  it('monkeypatching asyncio: put back, and reported at the line that did it', async () => {
    const { result, pids } = await hostile(`${SOLUTION}asyncio.Task = None\nasyncio.sleep = None\n`);
    expect(result.status).toBe('error');
    const diagnostic = allDiagnostics(result)[0]!;
    expect(diagnostic).toMatchObject({ kind: 'exception', line: NOTE_LINES + SOLUTION.split('\n').length });
    expect(diagnostic.message).toMatch(/^your code replaces asyncio\.Task at .*learner\.py:\d+ \(and 1 more name of asyncio\)/);
    await expectNoneLeft(pids);
  });

  it('a coroutine that never finishes: a deadlock, at once', async () => {
    const { result, pids } = await hostile(SOLUTION.replace(BODY, '    await asyncio.get_running_loop().create_future()\n    return Receipt(order_id)'));
    expect(result.status).not.toBe('pass');
    expect(kinds(result)).toContain('deadlock');
    await expectNoneLeft(pids);
  });
});
