// `async-katas dev docs FILE` (npm run docs): regenerate the schema block of the authoring guide.
import fs from 'node:fs';
import { withSchemaBlock } from '../core/schema-doc.js';
import { usageError } from './common.js';

export async function docsCommand(file: string): Promise<number> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return usageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  let updated: string;
  try {
    updated = withSchemaBlock(text);
  } catch (error) {
    return usageError(`${file}: ${(error as Error).message}`);
  }
  if (updated !== text) fs.writeFileSync(file, updated);
  process.stdout.write(`${file}: ${updated === text ? 'already up to date' : 'schema tables rewritten'}\n`);
  return 0;
}
