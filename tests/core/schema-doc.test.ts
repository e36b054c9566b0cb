// docs/authoring.md's manifest tables are generated from the schemas: this fails when they drift.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaMarkdown, withSchemaBlock } from '../../src/core/schema-doc.js';
import { REPO } from '../helpers.js';

const GUIDE = path.join(REPO, 'docs', 'authoring.md');

describe('the authoring guide', () => {
  it('holds the schema tables exactly as the code generates them (npm run docs rewrites them)', () => {
    const text = fs.readFileSync(GUIDE, 'utf8');
    expect(withSchemaBlock(text), 'docs/authoring.md is out of date: run npm run docs').toBe(text);
  });

  it('documents every field the loader checks, with its rules', () => {
    const block = schemaMarkdown();
    for (const field of ['`name`', '`version`', '`starterFails`', '`references[].url`', '`questions[].choices[].why`', '`questions[].minPython`']) {
      expect(block).toContain(`| ${field} |`);
    }
    expect(block).toContain('| `level` | integer | yes | at least 1; at most 5 |');
    expect(block).toContain('| `hints` | list of strings | yes | items not empty; exactly 3 items |');
    expect(block).toContain('| `description` | string | no | not empty |');
  });

  it('refuses a guide without the markers rather than guessing where the tables go', () => {
    expect(() => withSchemaBlock('# Guide\n')).toThrow('markers');
  });
});
