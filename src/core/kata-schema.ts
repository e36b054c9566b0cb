// Schemas for kata.json and quiz.json (docs/kata-format.md). zod/mini rather than zod: bundled it costs
// about 5 ms to load against about 30 ms, and `check` loads a manifest on every run.
import * as z from 'zod/mini';
import { DIAGNOSTIC_KINDS } from './result.js';

const text = z.string().check(z.minLength(1));
/** Every field carries its description: docs/authoring.md is generated from these (src/core/schema-doc.ts). */
const about = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

export const PYTHON_VERSIONS = ['3.10', '3.11', '3.12', '3.13', '3.14'] as const;

// Kata ids and pack names become folder and file names in the learner's workspace: nothing else fits.
const slug = () => z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes'));

export const KataManifestSchema = z.object({
  id: about(slug(), 'Equals the folder name. In a pack the kata is known as `<pack name>/<id>`.'),
  title: about(text, 'Shown in lists and headings.'),
  level: about(z.number().check(z.int(), z.minimum(1), z.maximum(5)), '1 basics, 2 the loop and concurrency, 3 tasks, errors and cancellation, 4 coordination, 5 integration and internals.'),
  // Place in the curriculum: the catalogue is sorted by it, so levels read from basics to internals.
  order: about(z.number().check(z.int(), z.minimum(1)), 'Place in the curriculum: katas sort by level, then order. Unique within the catalogue or pack.'),
  concepts: about(z.array(text).check(z.minLength(1)), 'What the kata teaches; the dashboard and reports group mastery by these. The first one names its quiz questions in quiz mode.'),
  minPython: about(z.enum(PYTHON_VERSIONS), 'The oldest CPython the kata runs on; older interpreters skip it.'),
  tag: about(text, 'A short line under the title, e.g. "Python 3.10+ · PEP 492".'),
  summary: about(text, 'One line for lists.'),
  task: about(text, 'What the learner must do: a few sentences of plain text.'),
  hints: about(z.array(text).check(z.length(3)), 'Three different hints: a nudge, the concept, nearly the answer.'),
  // The diagnostic kinds the starter must fail with: `validate` proves the hidden tests name the bug.
  starterFails: about(
    z.array(z.enum(DIAGNOSTIC_KINDS)).check(z.minLength(1)),
    'Diagnostic kinds the starter must fail with (at least these); validate proves it.',
  ),
  references: about(
    z
      .array(
        z.object({
          title: about(text, 'What the link is.'),
          url: about(z.string().check(z.regex(/^https:\/\//, 'must be an https:// link')), 'An https:// link.'),
        }),
      )
      .check(z.minLength(1)),
    'Further reading: PEP 492, the asyncio docs, ...',
  ),
});

export type KataManifest = z.infer<typeof KataManifestSchema>;

const ChoiceSchema = z.object({
  text: about(text, 'The answer as shown.'),
  correct: about(z.boolean(), 'Exactly one choice per question is correct.'),
  why: about(text, 'Why this choice is right or wrong; shown after every answer.'),
});
const choices = () => about(z.array(ChoiceSchema).check(z.minLength(2), z.maxLength(5)), '2 to 5 choices.');

export const QuizSchema = z.object({
  questions: about(
    z.array(z.object({ prompt: about(text, 'The question.'), choices: choices() })).check(z.minLength(2), z.maxLength(4)),
    '2 to 4 questions, asked after a pass and again in quiz mode.',
  ),
});

export type Quiz = z.infer<typeof QuizSchema>;

/** katas/python/quiz-bank.json: standalone questions on the reference card's claims, not tied to a kata. */
export const QuizBankSchema = z.object({
  questions: about(
    z
      .array(
        z.object({
          id: about(slug(), 'Unique in the bank: quiz mode remembers answers by it.'),
          topic: about(text, 'What the question is about; reports group quiz accuracy by it.'),
          minPython: z.optional(about(z.enum(PYTHON_VERSIONS), 'Set when the question is about a newer API.')),
          prompt: about(text, 'The question.'),
          choices: choices(),
        }),
      )
      .check(z.minLength(20)),
    'At least 20 questions.',
  ),
});

export type QuizBank = z.infer<typeof QuizBankSchema>;

/** pack.json: what a team's pack of katas is called; its katas' ids are namespaced by `name`. */
export const PackManifestSchema = z.object({
  name: about(slug(), "The pack's name: its katas are known as `<name>/<kata id>`, so it must differ from every other pack loaded."),
  version: about(
    z.string().check(z.regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'must be a version like 1.0.0')),
    'The pack version, like 1.0.0; shown beside its name and in reports.',
  ),
  description: z.optional(about(text, 'One line on what the pack is for.')),
});

export type PackManifest = z.infer<typeof PackManifestSchema>;

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
