// The manifest tables of docs/authoring.md, generated from the schemas the loader itself validates with,
// so the documentation and the code cannot drift: `npm run docs` rewrites the block, a test compares it.
import * as z from 'zod/mini';
import { KataManifestSchema, PackManifestSchema, QuizBankSchema, QuizSchema } from './kata-schema.js';

export const SCHEMA_START = '<!-- generated:schema:start -->';
export const SCHEMA_END = '<!-- generated:schema:end -->';

interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
}

const FILES: [string, string, z.ZodMiniType][] = [
  ['pack.json', 'at the root of a pack', PackManifestSchema],
  ['kata.json', 'in each kata folder', KataManifestSchema],
  ['quiz.json', 'in each kata folder', QuizSchema],
  ['quiz-bank.json', 'optional, beside the kata folders: standalone questions (the built-in catalogue has one)', QuizBankSchema],
];

/** The block between the markers, markers included. */
export function schemaMarkdown(): string {
  const parts = FILES.map(([file, where, schema]) => {
    const rows = fields(z.toJSONSchema(schema) as JsonSchema, '');
    return [
      `### ${file}`,
      '',
      `${where[0]!.toUpperCase()}${where.slice(1)}.`,
      '',
      '| field | type | required | rules | what |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${r.required ? 'yes' : 'no'} | ${cell(r.rules)} | ${cell(r.about)} |`),
    ].join('\n');
  });
  return [SCHEMA_START, '', ...parts.flatMap((p) => [p, '']), SCHEMA_END].join('\n');
}

/** `text` with its generated block replaced by the current one. */
export function withSchemaBlock(text: string): string {
  const start = text.indexOf(SCHEMA_START);
  const end = text.indexOf(SCHEMA_END);
  if (start < 0 || end < start) throw new Error(`the markers ${SCHEMA_START} and ${SCHEMA_END} are missing`);
  return text.slice(0, start) + schemaMarkdown() + text.slice(end + SCHEMA_END.length);
}

interface Row {
  path: string;
  type: string;
  required: boolean;
  rules: string;
  about: string;
}

function fields(schema: JsonSchema, prefix: string): Row[] {
  const rows: Row[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    // A field without a description would leave a hole in the docs: fail generation (and its test) instead.
    if (!field.description) throw new Error(`schema field '${path}' has no description`);
    rows.push({ path, type: typeOf(field), required: schema.required?.includes(name) ?? false, rules: rules(field), about: field.description });
    const nested = field.type === 'array' ? field.items : field.type === 'object' ? field : undefined;
    if (nested?.properties) rows.push(...fields(nested, `${path}${field.type === 'array' ? '[]' : ''}.`));
  }
  return rows;
}

function typeOf(field: JsonSchema): string {
  if (field.type === 'array') return `list of ${field.items?.type === 'object' ? 'objects' : `${typeOf(field.items ?? {})}s`}`;
  return field.type === 'integer' ? 'integer' : (field.type ?? 'any');
}

function rules(field: JsonSchema): string {
  const out: string[] = [];
  const values = field.enum ?? (field.type === 'array' ? field.items?.enum : undefined);
  if (values) out.push(`one of ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (field.pattern) out.push(`matches \`${field.pattern}\``);
  if (field.type === 'string' && field.minLength) out.push('not empty');
  if (field.type === 'array' && field.items?.type === 'string' && field.items.minLength) out.push('items not empty');
  if (field.minimum !== undefined) out.push(`at least ${field.minimum}`);
  if (field.maximum !== undefined && field.maximum < Number.MAX_SAFE_INTEGER) out.push(`at most ${field.maximum}`);
  if (field.minItems !== undefined && field.minItems === field.maxItems) out.push(`exactly ${field.minItems} items`);
  else {
    if (field.minItems !== undefined) out.push(`at least ${field.minItems} item${field.minItems === 1 ? '' : 's'}`);
    if (field.maxItems !== undefined) out.push(`at most ${field.maxItems} items`);
  }
  return out.join('; ') || '—';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
