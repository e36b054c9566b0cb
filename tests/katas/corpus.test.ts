// Every kata, on the machine's Python and on the oldest CPython 3.10+ installed (tests/harness/versions
// covers starters and references on all of them): `validate` finds each one sound — manifest, hints, quiz,
// explanation; the starter fails with the kinds its manifest declares, the reference passes, and every
// corpus file gets exactly the verdict its label promises (a variant marked `# python: >=3.11` must be
// failed with requires-python by an older interpreter) — and skips only katas needing a newer Python.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/catalog.js';
import { satisfiesMinPython } from '../../src/core/python.js';
import { CATALOGUE, validateKatas } from '../../src/core/validate.js';
import { installedInterpreters } from '../harness/interpreters.js';
import { pythonAt } from '../harness/run.js';
import { testPython } from '../helpers.js';

const katas = loadCatalog();

it('has the curriculum the issue asks for: at least 24 katas over five levels', () => {
  expect(katas.length).toBeGreaterThanOrEqual(24);
  expect(new Set(katas.map((k) => k.level))).toEqual(new Set([1, 2, 3, 4, 5]));
});

// The full corpus on two interpreters keeps the suite well inside its time budget; VALIDATE_ALL=1 runs it on all.
const all = installedInterpreters();
const machine = await testPython();
const chosen = process.env.VALIDATE_ALL === '1' ? all : [{ version: machine.version, exe: machine.exe }, ...all.slice(0, 1)];
const interpreters = chosen.filter((i, n) => chosen.findIndex((j) => j.version === i.version) === n);

describe.each(interpreters)('CPython $version', ({ exe }) => {
  it('validate finds every kata sound and every corpus label true', async () => {
    const python = await pythonAt(exe);
    const report = await validateKatas({ python });
    const problems = report.items.filter((i) => i.outcome === 'mismatch').map((i) => `${i.kata} ${i.subject}: ${i.detail}`);
    expect(problems).toEqual([]);
    const skipped = [...new Set(report.items.filter((i) => i.outcome === 'skip').map((i) => i.kata))];
    const tooNew = katas.filter((k) => !satisfiesMinPython(python.versionTuple, k.minPython)).map((k) => k.id);
    expect(skipped.sort()).toEqual(tooNew.sort());
    expect(report.items.filter((i) => i.kata === CATALOGUE).map((i) => i.subject)).toEqual(['kata.json order', 'quiz-bank.json']);
  });
});
