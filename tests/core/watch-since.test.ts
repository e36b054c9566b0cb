import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFile } from '../../src/core/watch.js';
import { tempDir } from '../helpers.js';

describe('watchFile since', () => {
  it('reports a save made between reading the file and starting to watch it', () => {
    const file = path.join(tempDir(), 'k.py');
    fs.writeFileSync(file, 'saved meanwhile\n');
    const seen: string[] = [];
    const stop = watchFile(file, (content) => seen.push(content), { since: 'what the app shows\n' });
    stop();
    expect(seen).toEqual(['saved meanwhile\n']);
  });

  it('stays quiet when the file still holds what the app shows', () => {
    const file = path.join(tempDir(), 'k.py');
    fs.writeFileSync(file, 'same\n');
    const seen: string[] = [];
    const stop = watchFile(file, (content) => seen.push(content), { since: 'same\n' });
    stop();
    expect(seen).toEqual([]);
  });
});
