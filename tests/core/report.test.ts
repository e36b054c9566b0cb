import { describe, expect, it } from 'vitest';
import { emptyProgress, type KataProgress } from '../../src/core/progress-schema.js';
import { buildReport, type ReportInput, type ReportKata } from '../../src/core/report.js';
import type { ReviewState } from '../../src/core/review.js';
import { formatReportMarkdown } from '../../src/report/summary-markdown.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const TOOL = { name: 'async-katas', version: '9.8.7' };

const KATAS: ReportKata[] = [
  { id: 'forgotten-await', title: 'The receipt | that never arrived', level: 1, concepts: ['await', 'coroutine objects'] },
  { id: 'blocking-sleep', title: 'A sleep that blocks the loop', level: 2, concepts: ['event loop', 'await'] },
  {
    id: 'team/retry-db',
    title: 'Retry the database',
    level: 3,
    concepts: ['retries'],
    pack: { name: 'team', version: '1.2.0', dir: '/secret/packs/team' },
  },
];

const BANK = {
  questions: [
    { id: 'loop-basics', topic: 'event loop', prompt: 'p', choices: [{ text: 'a', correct: true, why: 'w' }] },
    { id: 'gil', topic: 'GIL', prompt: 'p', choices: [{ text: 'a', correct: true, why: 'w' }] },
    { id: 'never-asked', topic: 'shield', prompt: 'p', choices: [{ text: 'a', correct: true, why: 'w' }] },
  ],
};

function progress(change: Partial<KataProgress>): KataProgress {
  return { ...emptyProgress(), ...change };
}

function card(seen: number, correct: number) {
  return { box: 1, due: NOW.toISOString(), seen, correct };
}

function input(recorded: Record<string, KataProgress> = {}, review: ReviewState = {}, over: Partial<ReportInput> = {}): ReportInput {
  return { katas: KATAS, store: { all: () => recorded, review: () => review }, bank: BANK, name: 'Ada', now: NOW, tool: TOOL, ...over };
}

describe('buildReport', () => {
  it('with nothing recorded: every kata new, counts zero, every accuracy null', () => {
    const report = buildReport(input());
    expect(report.summary).toEqual({ solved: 0, total: 3, attempted: 0, hintsUsed: 0, quiz: { answered: 0, correct: 0, accuracy: null } });
    expect(report.katas['forgotten-await']).toEqual({
      title: 'The receipt | that never arrived',
      level: 1,
      concepts: ['await', 'coroutine objects'],
      pack: null,
      status: 'new',
      firstSolvedAt: null,
      attempts: 0,
      hintsUsed: 0,
      quiz: { answered: 0, correct: 0 },
    });
    expect(report.concepts.map((c) => c.concept)).toEqual(['await', 'coroutine objects', 'event loop', 'retries']);
    expect(report.concepts.every((c) => c.quiz.accuracy === null)).toBe(true);
    expect(report.name).toBe('Ada');
    expect(report.generatedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('keeps its keys, and the katas, in a fixed order whatever order progress was recorded in', () => {
    const recorded = { 'blocking-sleep': progress({ status: 'attempted', attempts: 1 }), 'forgotten-await': progress({ hintsUsed: 1 }) };
    const report = buildReport(input(recorded));
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'name', 'generatedAt', 'summary', 'katas', 'concepts']);
    expect(Object.keys(report.summary)).toEqual(['solved', 'total', 'attempted', 'hintsUsed', 'quiz']);
    expect(Object.keys(report.summary.quiz)).toEqual(['answered', 'correct', 'accuracy']);
    expect(Object.keys(report.katas)).toEqual(['forgotten-await', 'blocking-sleep', 'team/retry-db']);
    expect(Object.keys(report.katas['blocking-sleep']!)).toEqual([
      'title', 'level', 'concepts', 'pack', 'status', 'firstSolvedAt', 'attempts', 'hintsUsed', 'quiz',
    ]);
    expect(Object.keys(report.concepts[0]!)).toEqual(['concept', 'katasSolved', 'katasTotal', 'quiz']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual(TOOL);
    // Same input, same text: a report can be diffed against last week's.
    expect(JSON.stringify(buildReport(input(recorded)))).toBe(JSON.stringify(report));
  });

  it('counts solves, attempts, hints and first solve dates', () => {
    const report = buildReport(
      input({
        'forgotten-await': progress({ status: 'solved', attempts: 3, hintsUsed: 2, firstSolvedAt: '2026-11-20T08:00:00.000Z' }),
        'blocking-sleep': progress({ status: 'attempted', attempts: 1, hintsUsed: 1 }),
        'not-in-the-catalogue': progress({ status: 'solved', attempts: 9, hintsUsed: 3 }),
      }),
    );
    expect(report.summary).toMatchObject({ solved: 1, total: 3, attempted: 1, hintsUsed: 3 });
    expect(report.katas['forgotten-await']).toMatchObject({ status: 'solved', attempts: 3, hintsUsed: 2, firstSolvedAt: '2026-11-20T08:00:00.000Z' });
    expect(report.katas).not.toHaveProperty('not-in-the-catalogue');
    const concept = (name: string) => report.concepts.find((c) => c.concept === name)!;
    expect(concept('await')).toMatchObject({ katasSolved: 1, katasTotal: 2 });
    expect(concept('event loop')).toMatchObject({ katasSolved: 0, katasTotal: 1 });
  });

  it("quiz accuracy per concept adds each kata's quiz answers and its review cards to every concept of the kata", () => {
    const recorded = {
      // 2 of 3 right in the after-solve quiz
      'forgotten-await': progress({ quiz: { '0': { choice: 1, correct: true }, '1': { choice: 0, correct: false }, '2': { choice: 2, correct: true } } }),
    };
    const review: ReviewState = {
      'forgotten-await#1': card(4, 3), // quiz mode: 3 of 4
      'blocking-sleep#2': card(2, 0),
    };
    const report = buildReport(input(recorded, review));
    expect(report.katas['forgotten-await']!.quiz).toEqual({ answered: 7, correct: 5 });
    expect(report.katas['blocking-sleep']!.quiz).toEqual({ answered: 2, correct: 0 });
    const concept = (name: string) => report.concepts.find((c) => c.concept === name)!.quiz;
    expect(concept('coroutine objects')).toEqual({ answered: 7, correct: 5, accuracy: 0.714 });
    expect(concept('await')).toEqual({ answered: 9, correct: 5, accuracy: 0.556 }); // both katas name it
    expect(concept('event loop')).toEqual({ answered: 2, correct: 0, accuracy: 0 }); // 0, not null: answered, all wrong
    expect(concept('retries').accuracy).toBeNull();
    expect(report.summary.quiz).toEqual({ answered: 9, correct: 5, accuracy: 0.556 });
  });

  it('bank review cards count for their topic; an unknown topic gets its own row once answered', () => {
    const review: ReviewState = {
      'bank:loop-basics': card(3, 3), // topic 'event loop', a concept of blocking-sleep
      'bank:gil': card(2, 1), // topic no kata names
      'bank:removed-question': card(5, 5),
      'gone-kata#1': card(5, 5),
      'no-hash-at-all': card(5, 5),
    };
    const report = buildReport(input({}, review));
    const concept = (name: string) => report.concepts.find((c) => c.concept === name);
    expect(concept('event loop')).toEqual({ concept: 'event loop', katasSolved: 0, katasTotal: 1, quiz: { answered: 3, correct: 3, accuracy: 1 } });
    expect(report.concepts.at(-1)).toEqual({ concept: 'GIL', katasSolved: 0, katasTotal: 0, quiz: { answered: 2, correct: 1, accuracy: 0.5 } });
    expect(concept('shield')).toBeUndefined(); // a bank topic never answered
    // A bank card is no kata's: kata tallies stay at zero, the summary counts it.
    expect(report.katas['blocking-sleep']!.quiz).toEqual({ answered: 0, correct: 0 });
    expect(report.summary.quiz).toEqual({ answered: 5, correct: 4, accuracy: 0.8 });
  });

  it('without the bank, bank cards are left out rather than guessed', () => {
    const report = buildReport(input({}, { 'bank:loop-basics': card(3, 3) }, { bank: undefined }));
    expect(report.summary.quiz.answered).toBe(0);
  });

  it("includes a pack's kata like any other, as name@version and never with the pack's folder", () => {
    const report = buildReport(
      input(
        { 'team/retry-db': progress({ status: 'solved', attempts: 1, firstSolvedAt: '2026-11-23T12:00:00.000Z' }) },
        { 'team/retry-db#2': card(1, 1) },
      ),
    );
    expect(report.katas['team/retry-db']).toMatchObject({ pack: 'team@1.2.0', status: 'solved', quiz: { answered: 1, correct: 1 } });
    expect(report.concepts.find((c) => c.concept === 'retries')).toMatchObject({ katasSolved: 1, katasTotal: 1, quiz: { accuracy: 1 } });
    expect(JSON.stringify(report)).not.toContain('/secret/packs');
  });

  it('a kata naming a concept twice counts once for it', () => {
    const katas = [{ id: 'k', title: 'K', level: 1, concepts: ['await', 'await'] }];
    const report = buildReport(input({ k: progress({ status: 'solved' }) }, { 'k#1': card(1, 1) }, { katas }));
    expect(report.concepts).toEqual([{ concept: 'await', katasSolved: 1, katasTotal: 1, quiz: { answered: 1, correct: 1, accuracy: 1 } }]);
  });

  it('a null name stays null', () => {
    expect(buildReport(input({}, {}, { name: null })).name).toBeNull();
  });
});

describe('formatReportMarkdown', () => {
  const report = buildReport(
    input(
      {
        'forgotten-await': progress({ status: 'solved', attempts: 2, hintsUsed: 1, firstSolvedAt: '2026-11-20T08:00:00.000Z' }),
        'blocking-sleep': progress({ status: 'attempted', attempts: 4 }),
      },
      { 'forgotten-await#1': card(4, 3) },
    ),
  );
  const md = formatReportMarkdown(report);

  it('has the name and date, a one-line summary, a kata table and the tool version', () => {
    expect(md).toMatch(/^# async-katas report: Ada, 2026-11-24\n/);
    expect(md).toContain('Solved 1 of 3 katas · 1 attempted · 1 hints used · quiz 3/4 right (75%).');
    expect(md).toContain('| --- | --- | --- | --- | ---: | ---: |');
    expect(md).toContain('| ✓ | The receipt \\| that never arrived | `forgotten-await` | 2026-11-20 | 2 | 1/3 |');
    expect(md).toContain('| ~ | A sleep that blocks the loop | `blocking-sleep` | - | 4 | 0/3 |');
    expect(md).toContain('| · | Retry the database | `team/retry-db` | - | 0 | 0/3 |');
    expect(md.trimEnd().endsWith('_async-katas 9.8.7_')).toBe(true);
  });

  it('lists the concepts met, with quiz accuracy as a percentage, and counts the rest', () => {
    expect(md).toContain('| await | 1 of 2 | 75% (3/4) |');
    expect(md).toContain('| coroutine objects | 1 of 1 | 75% (3/4) |');
    expect(md).not.toContain('| retries |');
    expect(md).toContain('2 more concepts not met yet.');
  });

  it('every table row has the same number of cells, so a | in a title cannot shift the columns', () => {
    const rows = md.slice(0, md.indexOf('## Concepts')).split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + KATAS.length);
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(new Set(rows.map(cells))).toEqual(new Set([cells(rows[0]!)]));
  });

  it('says how to add a name when there is none, and keeps a given name on one line', () => {
    expect(formatReportMarkdown({ ...report, name: null })).toMatch(/^# async-katas report: \(no name: pass --name\), 2026-11-24\n/);
    expect(formatReportMarkdown({ ...report, name: 'Ada\n# Lovelace' })).toMatch(/^# async-katas report: Ada # Lovelace, 2026-11-24\n/);
  });

  it('without anything met says so instead of an empty table', () => {
    expect(formatReportMarkdown(buildReport(input()))).toContain('None met yet: no kata solved, no quiz answered.');
  });
});
