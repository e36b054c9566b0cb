// Semantic colours of the trainer, as Ink (chalk) colour names. Screens ask for a meaning ("fail"), never
// a colour, so NO_COLOR and a future palette change are decided here, once.
import { colorEnabled as reportColorEnabled } from '../report/color.js';

/** The colours themselves, always set. Components build lines with these; Lines drops them when colour is off. */
export const palette = {
  pass: 'green',
  fail: 'red',
  warn: 'yellow',
  info: 'blue',
  accent: 'cyan',
  muted: 'gray',
  /** Timeline bars of the learner's run and of the reference's. */
  learner: 'yellow',
  reference: 'cyan',
  /** Diff lines: what the learner has that the reference doesn't, and the other way round. */
  removed: 'red',
  added: 'green',
} as const;

export type Role = keyof typeof palette;

export type CodeToken =
  | 'keyword'
  | 'built_in'
  | 'type'
  | 'literal'
  | 'number'
  | 'string'
  | 'subst'
  | 'comment'
  | 'meta'
  | 'title'
  | 'variable.language'
  | 'inline';

/** Code token kinds (highlight.js class names, without `hljs-`) and their colours; null: the default colour. */
export const codePalette: { readonly [K in CodeToken]: string | null } = {
  keyword: 'magenta',
  built_in: 'cyan',
  type: 'cyan',
  literal: 'yellow',
  number: 'yellow',
  string: 'green',
  // The code inside an f-string's braces: the default colour, so it does not read as part of the string.
  subst: null,
  comment: 'gray',
  meta: 'cyan',
  title: 'blueBright',
  'variable.language': 'red',
  /** `inline code` in markdown prose. */
  inline: 'yellow',
};

/**
 * Colour in the trainer: off when NO_COLOR is set (any value) or FORCE_COLOR is 0/false, else on.
 * The same rule as the CLI report (one place), with "a terminal" taken for granted: Ink only draws on one.
 */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return reportColorEnabled(env, true);
}

export type Theme = { readonly [K in Role]: string | undefined } & {
  readonly code: { readonly [K in CodeToken]: string | undefined };
};

const CODE = Object.fromEntries(Object.entries(codePalette).map(([k, v]) => [k, v ?? undefined])) as Theme['code'];
const NO_CODE = Object.fromEntries(Object.keys(codePalette).map((k) => [k, undefined])) as Theme['code'];

/**
 * `theme.fail` etc. for screens: the colour name, or undefined when colour is off, so
 * `<Text color={theme.fail}>` renders plain. Read at every access (getters), so a test or a user who sets
 * NO_COLOR after import is honoured.
 */
export const theme: Theme = Object.defineProperties(
  {} as Theme,
  Object.fromEntries([
    ...Object.keys(palette).map((role) => [
      role,
      { enumerable: true, get: () => (colorEnabled() ? palette[role as Role] : undefined) },
    ]),
    ['code', { enumerable: true, get: () => (colorEnabled() ? CODE : NO_CODE) }],
  ]),
);
