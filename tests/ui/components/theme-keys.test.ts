import { afterEach, describe, expect, test, vi } from 'vitest';
import { KEYS } from '../../../src/ui/keys.js';
import { colorEnabled, palette, theme } from '../../../src/ui/theme.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('colorEnabled', () => {
  test('NO_COLOR with any value turns colour off, even against FORCE_COLOR', () => {
    expect(colorEnabled({})).toBe(true);
    expect(colorEnabled({ NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ NO_COLOR: '' })).toBe(false);
    expect(colorEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  test('FORCE_COLOR=0 turns colour off; other values keep it on', () => {
    expect(colorEnabled({ FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: 'false' })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('theme', () => {
  test('gives colour names, and nothing under NO_COLOR set after import', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', '1');
    expect(theme.fail).toBe(palette.fail);
    expect(theme.code.keyword).toBeTypeOf('string');
    vi.stubEnv('NO_COLOR', '1');
    expect(theme.fail).toBeUndefined();
    expect(theme.pass).toBeUndefined();
    expect(theme.code.keyword).toBeUndefined();
  });

  test('the learner and the reference have different colours, and pass differs from fail', () => {
    expect(palette.learner).not.toBe(palette.reference);
    expect(palette.pass).not.toBe(palette.fail);
  });
});

describe('KEYS', () => {
  test('every screen has bindings, each with a key and a label, no key twice on one screen', () => {
    for (const [screen, bindings] of Object.entries(KEYS)) {
      expect(bindings.length, screen).toBeGreaterThan(0);
      for (const b of bindings) {
        expect(b.key.trim(), screen).not.toBe('');
        expect(b.label.trim(), screen).not.toBe('');
      }
      const keys = bindings.map((b) => b.key);
      expect(new Set(keys).size, `${screen}: ${keys.join(' ')}`).toBe(keys.length);
    }
  });

  test('the screens the brief names are all there', () => {
    for (const screen of ['home', 'kata', 'result', 'explanation', 'quiz', 'confirm'] as const) {
      expect(KEYS[screen]).toBeDefined();
    }
  });
});
