// `async-katas report`, run through the built CLI against the fixture katas (fake harness).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, REPO, tempDir } from '../helpers.js';
import { runCli } from './run-cli.js';

/**
 * A fresh progress store, a folder to run in (outside any repository), and a git whose only config is
 * a temp global file, so the machine's own user.name never leaks into a test.
 */
function setup(gitName?: string) {
  const config = tempDir('ak-report-config-');
  const cwd = tempDir('ak-report-cwd-');
  const home = tempDir('ak-report-home-');
  const gitconfig = path.join(home, '.gitconfig');
  fs.writeFileSync(gitconfig, gitName === undefined ? '' : `[user]\n\tname = ${gitName}\n`);
  const env = {
    ASYNC_KATAS_ROOT: FIXTURE_ROOT,
    ASYNC_KATAS_CONFIG_DIR: config,
    HOME: home,
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
    // A temp folder sits under no repository, but a machine may say otherwise: stop git from looking up.
    GIT_CEILING_DIRECTORIES: path.dirname(cwd),
  };
  return { config, cwd, home, env };
}

/** Progress as the store writes it: quiz answers and quiz-mode review cards have no command of their own. */
function writeProgress(config: string, data: object): void {
  fs.writeFileSync(path.join(config, 'progress.json'), JSON.stringify({ schemaVersion: 1, ...data }));
}

type ReportJson = {
  schemaVersion: number;
  tool: { name: string; version: string };
  name: string | null;
  generatedAt: string;
  summary: { solved: number; total: number; attempted: number; hintsUsed: number; quiz: { answered: number; correct: number; accuracy: number | null } };
  katas: Record<string, { status: string; attempts: number; hintsUsed: number; firstSolvedAt: string | null; pack: string | null; quiz: object }>;
  concepts: { concept: string; katasSolved: number; katasTotal: number; quiz: { accuracy: number | null } }[];
};

async function reportJson(args: string[], env: Record<string, string>, cwd: string): Promise<ReportJson> {
  const run = await runCli(['report', '--format', 'json', ...args], env, cwd);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ReportJson;
}

describe('report --format json', () => {
  it('has the schema version, the tool, and every kata with what the learner did', async () => {
    const { cwd, env } = setup('Ada Lovelace');
    fs.writeFileSync(path.join(cwd, 'fix.py'), '# fake: fail too-slow\n');
    expect((await runCli(['check', 'demo', '--file', 'fix.py'], env, cwd)).code).toBe(1);
    fs.writeFileSync(path.join(cwd, 'fix.py'), '# fake: pass\n');
    expect((await runCli(['check', 'demo', '--file', 'fix.py'], env, cwd)).code).toBe(0);
    await runCli(['hint', 'demo'], env, cwd);

    const report = await reportJson([], env, cwd);
    const version = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'name', 'generatedAt', 'summary', 'katas', 'concepts']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'async-katas', version });
    expect(report.name).toBe('Ada Lovelace');
    expect(Date.parse(report.generatedAt)).not.toBeNaN();
    expect(Object.keys(report.katas)).toEqual(['demo', 'needs-newer']);
    expect(report.katas.demo).toMatchObject({ status: 'solved', attempts: 2, hintsUsed: 1, pack: null });
    expect(Date.parse(report.katas.demo!.firstSolvedAt!)).not.toBeNaN();
    expect(report.summary).toEqual({ solved: 1, total: 2, attempted: 0, hintsUsed: 1, quiz: { answered: 0, correct: 0, accuracy: null } });
    expect(report.concepts).toEqual([{ concept: 'testing', katasSolved: 1, katasTotal: 2, quiz: { answered: 0, correct: 0, accuracy: null } }]);
  });

  it("quiz accuracy counts the kata's quiz answers and its quiz-mode review cards", async () => {
    const { config, cwd, env } = setup('Ada');
    writeProgress(config, {
      katas: {
        demo: { status: 'solved', attempts: 1, hintsUsed: 0, firstSolvedAt: '2026-11-20T08:00:00.000Z', lastCheckedAt: null, quiz: { '0': { choice: 0, correct: true }, '1': { choice: 0, correct: false } } },
      },
      review: { 'demo#1': { box: 2, due: '2026-11-21T08:00:00.000Z', seen: 2, correct: 2 } },
    });
    const report = await reportJson([], env, cwd);
    expect(report.katas.demo!.quiz).toEqual({ answered: 4, correct: 3 });
    expect(report.concepts[0]!.quiz).toEqual({ answered: 4, correct: 3, accuracy: 0.75 });
  });

  it('a question-bank card with no bank to read (the fixture catalogue has none) costs a warning, not the report', async () => {
    const { config, cwd, env } = setup('Ada');
    writeProgress(config, { katas: {}, review: { 'bank:gil': { box: 1, due: '2026-11-21T08:00:00.000Z', seen: 1, correct: 1 } } });
    const run = await runCli(['report', '--format', 'json'], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^async-katas: warning: quiz answers to the question bank are left out: .*quiz-bank\.json: file is missing\n$/);
    expect((JSON.parse(run.stdout) as ReportJson).summary.quiz.answered).toBe(0);
  });
});

describe('report as Markdown (the default)', () => {
  it('has the heading with name and date, the summary line, the kata table and the concepts', async () => {
    const { cwd, env } = setup('Ada');
    fs.writeFileSync(path.join(cwd, 'fix.py'), '# fake: pass\n');
    await runCli(['check', 'demo', '--file', 'fix.py'], env, cwd);
    const run = await runCli(['report'], env, cwd);
    expect(run.code).toBe(0);
    const today = run.stdout.match(/^# async-katas report: Ada, (\d{4}-\d\d-\d\d)\n/)?.[1];
    expect(today).toBeDefined();
    expect(run.stdout).toContain('Solved 1 of 2 katas · 0 attempted · 0 hints used · no quiz answers yet.');
    expect(run.stdout).toContain('| | kata | id | solved | checks | hints |');
    expect(run.stdout).toContain(`| ✓ | A demo kata for tests | \`demo\` | ${today} | 1 | 0/3 |`);
    expect(run.stdout).toContain('| · | A kata no installed Python is new enough for | `needs-newer` | - | 0 | 0/3 |');
    expect(run.stdout).toContain('| testing | 1 of 2 | - |');
    expect(run.stdout).toMatch(/_async-katas \d+\.\d+\.\d+_\n$/);
  });
});

describe('report options', () => {
  it('is listed in --help, with an example', async () => {
    const help = await runCli(['--help'], setup().env);
    expect(help.stdout).toMatch(/\n  report \[options\]\s+a shareable summary of your progress/);
    expect(help.stdout).toContain('$ async-katas report --format json --output me.json');
  });

  it('--format with another value is a usage error naming the allowed values', async () => {
    const { cwd, env } = setup('Ada');
    const run = await runCli(['report', '--format', 'html'], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^async-katas: .*'html'.*md, json/);
  });

  it('--name wins over git', async () => {
    const { cwd, env } = setup('Ada');
    expect((await reportJson(['--name', 'Grace Hopper'], env, cwd)).name).toBe('Grace Hopper');
    const md = await runCli(['report', '--name', 'Grace | Hopper'], env, cwd);
    expect(md.stdout).toMatch(/^# async-katas report: Grace \| Hopper, /);
  });

  it("the name defaults to git's user.name as seen from the current folder: a repository's own wins", async () => {
    const { cwd, env } = setup('Global Name');
    expect((await reportJson([], env, cwd)).name).toBe('Global Name');
    const repo = path.join(cwd, 'repo');
    fs.mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...env }, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'user.name', 'Repo Name');
    expect((await reportJson([], env, repo)).name).toBe('Repo Name');
  });

  it('no name in git, or no git at all: name null, and the Markdown says how to add one', async () => {
    const { cwd, env } = setup();
    expect((await reportJson([], env, cwd)).name).toBeNull();
    const noGit = { ...env, PATH: tempDir('ak-report-empty-path-') };
    expect((await reportJson([], noGit, cwd)).name).toBeNull();
    const md = await runCli(['report'], noGit, cwd);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# async-katas report: \(no name: pass --name\), \d{4}-/);
  });

  it('--output FILE writes the report there, leaves no temp file, and replaces an older report', async () => {
    const { cwd, env } = setup('Ada');
    const out = path.join(cwd, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'ada.json'), 'last week');
    const run = await runCli(['report', '--format', 'json', '--output', path.join('out', 'ada.json')], env, cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`async-katas: report written to ${path.join('out', 'ada.json')}\n`);
    expect(fs.readdirSync(out)).toEqual(['ada.json']);
    expect((JSON.parse(fs.readFileSync(path.join(out, 'ada.json'), 'utf8')) as ReportJson).name).toBe('Ada');
  });

  it('--output into a folder that does not exist: exit 2 with one line, nothing written', async () => {
    const { cwd, env } = setup('Ada');
    const run = await runCli(['report', '--output', path.join('missing', 'r.md')], env, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`async-katas: cannot write the report to ${path.join('missing', 'r.md')} (ENOENT)\n`);
    expect(fs.existsSync(path.join(cwd, 'missing'))).toBe(false);
  });
});

describe('the report holds progress and nothing else', () => {
  it('names no path and no file contents: not the config folder, the workspace, the home folder, the katas', async () => {
    const { config, cwd, home, env } = setup('Ada');
    const ws = path.join(cwd, 'ws');
    fs.writeFileSync(path.join(cwd, 'secret-fix.py'), '# fake: pass\nTOKEN = "do-not-share"\n');
    await runCli(['--workspace', 'ws', 'check', 'demo', '--file', 'secret-fix.py'], env, cwd);
    await runCli(['--workspace', 'ws', 'check', 'needs-newer'], env, cwd); // creates ws/needs-newer.py
    expect(fs.existsSync(path.join(ws, 'needs-newer.py'))).toBe(true);

    for (const format of ['json', 'md']) {
      const run = await runCli(['--workspace', 'ws', 'report', '--format', format], env, ws);
      expect(run.code).toBe(0);
      for (const where of [config, cwd, ws, home, os.homedir(), FIXTURE_ROOT, REPO, os.tmpdir()]) expect(run.stdout).not.toContain(where);
      for (const word of ['secret-fix', 'do-not-share', '.py', 'progress.json']) {
        expect(run.stdout).not.toContain(word);
      }
    }
  });
});
