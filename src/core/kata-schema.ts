// Schemas for kata.json and quiz.json (docs/kata-format.md). zod/mini rather than zod: bundled it costs
// about 5 ms to load against about 30 ms, and `check` loads a manifest on every run.
import * as z from 'zod/mini';
import { DIAGNOSTIC_KINDS } from './result.js';

const text = z.string().check(z.minLength(1));

export const PYTHON_VERSIONS = ['3.10', '3.11', '3.12', '3.13', '3.14'] as const;

export const KataManifestSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes')),
  title: text,
  level: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
  // Place in the curriculum: the catalogue is sorted by it, so levels read from basics to internals.
  order: z.number().check(z.int(), z.minimum(1)),
  concepts: z.array(text).check(z.minLength(1)),
  minPython: z.enum(PYTHON_VERSIONS),
  tag: text,
  summary: text,
  task: text,
  hints: z.array(text).check(z.length(3)),
  // The diagnostic kinds the starter must fail with: `validate` proves the hidden tests name the bug.
  starterFails: z.array(z.enum(DIAGNOSTIC_KINDS)).check(z.minLength(1)),
  references: z.array(z.object({ title: text, url: z.string().check(z.regex(/^https:\/\//, 'must be an https:// link')) })).check(z.minLength(1)),
});

export type KataManifest = z.infer<typeof KataManifestSchema>;

const ChoiceSchema = z.object({ text, correct: z.boolean(), why: text });

export const QuizSchema = z.object({
  questions: z
    .array(z.object({ prompt: text, choices: z.array(ChoiceSchema).check(z.minLength(2), z.maxLength(5)) }))
    .check(z.minLength(2), z.maxLength(4)),
});

export type Quiz = z.infer<typeof QuizSchema>;

/** katas/python/quiz-bank.json: standalone questions on the reference card's claims, not tied to a kata. */
export const QuizBankSchema = z.object({
  questions: z
    .array(
      z.object({
        id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes')),
        topic: text,
        minPython: z.optional(z.enum(PYTHON_VERSIONS)),
        prompt: text,
        choices: z.array(ChoiceSchema).check(z.minLength(2), z.maxLength(5)),
      }),
    )
    .check(z.minLength(20)),
});

export type QuizBank = z.infer<typeof QuizBankSchema>;

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  exact?: boolean;
  origin?: string;
  values?: unknown[];
}

/** zod/mini ships no English messages; this turns one issue into "field 'level': must be at most 5 (got 7)". */
export function describeIssue(issue: Issue): string {
  const where = issue.path.length ? `field '${formatPath(issue.path)}'` : 'the file';
  return `${where}: ${describeProblem(issue)}`;
}

function describeProblem(issue: Issue): string {
  const got = ` (got ${show(issue.input)})`;
  const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${article(issue.expected ?? 'value')}${got}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      if (issue.exact) return `must have exactly ${issue.minimum}${unit}${got}`;
      return issue.origin === 'number' ? `must be at least ${issue.minimum}${got}` : `must have at least ${issue.minimum}${unit}${got}`;
    case 'too_big':
      if (issue.exact) return `must have exactly ${issue.maximum}${unit}${got}`;
      return issue.origin === 'number' ? `must be at most ${issue.maximum}${got}` : `must have at most ${issue.maximum}${unit}${got}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'invalid_format':
      return `${issue.message === 'Invalid input' ? 'has the wrong format' : issue.message}${got}`;
    default:
      return issue.message === 'Invalid input' ? `is invalid${got}` : issue.message;
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function article(type: string): string {
  const word = type === 'array' ? 'list' : type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function show(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
