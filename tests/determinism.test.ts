// Verdicts must not depend on machine load. Every kata's starter and reference, and a sample of its
// corpus (DETERMINISM_ALL=1: all of it), are checked ROUNDS times while busy loops keep every core
// loaded; each file's verdict signature (statuses, diagnostics with their lines, virtual elapsed times,
// timelines) must be the same every time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCatalog, type Kata } from '../src/core/catalog.js';
import { runCheck } from '../src/core/check.js';
import type { CheckResult, Diagnostic, TimelineRun } from '../src/core/result.js';
import { testPython } from './helpers.js';

const ROUNDS = Number(process.env.DETERMINISM_ROUNDS ?? 4);
// 25 katas with ~18 files each: all of them, every round, would take most of the suite's time budget.
const SAMPLE = process.env.DETERMINISM_ALL === '1' ? Infinity : 3;
const WORKERS = 2;

let burners: ChildProcess[] = [];
beforeAll(() => {
  burners = os.cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
});
afterAll(() => {
  for (const burner of burners) burner.kill('SIGKILL');
});

function filesOf(kata: Kata): string[] {
  const dir = path.dirname(kata.files.solution);
  const corpus = path.join(dir, 'corpus');
  const names = fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((n) => n.endsWith('.py')).sort() : [];
  // The sample takes every kth file, so over the catalogue it spans passes and fails of every kind.
  const step = Number.isFinite(SAMPLE) ? Math.max(1, Math.floor(names.length / SAMPLE)) : 1;
  const extra = names.filter((_, i) => i % step === 0).slice(0, SAMPLE).map((n) => path.join(corpus, n));
  return [kata.files.starter, kata.files.solution, ...extra];
}

/**
 * What a verdict consists of: statuses, diagnostic kinds with the learner's lines, virtual elapsed times
 * and the timelines. Message texts are left out: a learner iterating `asyncio.wait`'s done set gets
 * its items in address order, which CPython itself varies from run to run; for the same reason
 * `as_completed` creates its tasks (and so numbers them) in address order, so task names are left out
 * of the timelines too.
 */
function signature(result: CheckResult): string {
  const located = (d: Diagnostic) => ({ kind: d.kind, file: d.file, line: d.line });
  return JSON.stringify({
    status: result.status,
    diagnostics: result.diagnostics.map(located),
    tests: result.tests.map((t) => ({ name: t.name, status: t.status, elapsed: t.elapsed, diagnostics: t.diagnostics.map(located) })),
    timelines: result.timelines.map((t) => ({
      ...t,
      learner: withoutTaskNames(t.learner),
      reference: t.reference && withoutTaskNames(t.reference),
    })),
  });
}

function withoutTaskNames(run: TimelineRun): TimelineRun {
  return { ...run, rows: run.rows.map(({ task: _task, ...row }) => row) };
}

it(`gives identical verdicts ${ROUNDS} times over with every core busy`, { timeout: 20 * 60_000 }, async () => {
  const python = await testPython();
  const jobs = loadCatalog().flatMap((kata) => filesOf(kata).map((file) => ({ kata, file })));
  expect(jobs.length).toBeGreaterThan(30);
  const seen = new Map<string, Set<string>>();
  const queue = Array.from({ length: ROUNDS }, () => jobs).flat();
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await runCheck({ kata: job.kata, file: job.file, python });
      const key = `${job.kata.id}/${path.basename(job.file)}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(signature(result));
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  const unstable = [...seen].filter(([, signatures]) => signatures.size > 1);
  expect(unstable.map(([key, signatures]) => `${key}: ${[...signatures].join('\n  vs ')}`)).toEqual([]);
  expect(seen.size).toBe(jobs.length);
});
