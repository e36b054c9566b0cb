import { describe, expect, it } from 'vitest';
import { makeColors } from '../../src/report/color.js';
import { formatExplanation, markdownToPlain } from '../../src/report/plain-text.js';

describe('markdownToPlain', () => {
  it('drops markup characters and keeps the words', () => {
    expect(markdownToPlain('Use **`await`** on _every_ call, see [the docs](https://docs.python.org/3/).')).toEqual([
      'Use await on every call, see the docs (https://docs.python.org/3/).',
    ]);
    expect(markdownToPlain('### A sub heading\n* one\n  + two\n1. first')).toEqual(['A sub heading', '- one', '  - two', '1. first']);
  });

  it('keeps code verbatim and indented, blank lines and markdown-looking lines included', () => {
    const md = 'Before:\n\n```python\nimport asyncio\n\n\n# ## not a heading\nx = a * b * c  # **kept**\n```\nAfter.';
    expect(markdownToPlain(md)).toEqual([
      'Before:',
      '',
      '    import asyncio',
      '',
      '',
      '    # ## not a heading',
      '    x = a * b * c  # **kept**',
      'After.',
    ]);
  });

  it('leaves snake_case names and multiplication in prose alone', () => {
    expect(markdownToPlain('call run_in_executor or to_thread; 2 * 3 * 4')).toEqual(['call run_in_executor or to_thread; 2 * 3 * 4']);
    expect(markdownToPlain('pass `**kwargs` and `*args` on, **then** `f(**kw)`')).toEqual(['pass **kwargs and *args on, then f(**kw)']);
  });

  it('turns a table into rows without the separator line', () => {
    expect(markdownToPlain('| a | `b` |\n| --- | :---: |\n| 1 | 2 |')).toEqual(['a  |  b', '1  |  2']);
  });
});

describe('formatExplanation', () => {
  it('prints the title, then every section title and body in order, without colour when told so', () => {
    const text = formatExplanation(
      'Demo (demo): explanation',
      [
        { title: 'Core answer', body: 'Use `await`.' },
        { title: 'Why this design exists', body: 'Because.' },
      ],
      makeColors(false),
    );
    expect(text).toBe('Demo (demo): explanation\n\nCore answer\n\nUse await.\n\nWhy this design exists\n\nBecause.\n');
  });
});
