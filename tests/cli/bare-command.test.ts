// Which argument lists open the trainer (global options only) and which go to commander.
import { describe, expect, it } from 'vitest';
import { bareCommand } from '../../src/preframe.js';

describe('bareCommand', () => {
  it('takes only global options: the workspace, packs (repeatable) and --trust-packs', () => {
    expect(bareCommand([])).toEqual({});
    expect(bareCommand(['--workspace', 'ws'])).toEqual({ workspace: 'ws' });
    expect(bareCommand(['--workspace=ws'])).toEqual({ workspace: 'ws' });
    expect(bareCommand(['--pack', 'a', '--pack=b c', '--trust-packs', '--workspace', 'ws'])).toEqual({
      pack: ['a', 'b c'],
      trustPacks: true,
      workspace: 'ws',
    });
  });

  it('leaves commands, unknown options and options without a value to commander', () => {
    for (const args of [['list'], ['--pack'], ['--workspace='], ['--pack', 'a', 'list'], ['--help'], ['--trust-packs=yes'], ['-V']]) {
      expect(bareCommand(args)).toBeUndefined();
    }
  });
});
