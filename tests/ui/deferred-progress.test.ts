import { describe, expect, it } from 'vitest';
import { openProgress } from '../../src/core/progress.js';
import { emptyProgress } from '../../src/core/progress-schema.js';
import { DeferredProgress } from '../../src/ui/deferred-progress.js';
import { tempDir } from '../helpers.js';

describe('DeferredProgress', () => {
  it('answers from the snapshot, then applies early updates to the store once it is attached', () => {
    const snapshot = { k1: { ...emptyProgress(), status: 'solved' as const, attempts: 2 } };
    const progress = new DeferredProgress({ katas: snapshot });
    expect(progress.get('k1')).toMatchObject({ status: 'solved', attempts: 2 });
    expect(progress.get('k2')).toEqual(emptyProgress());
    progress.recordCheck('k2', 'fail');
    progress.recordHint('k2', 1);

    const { store } = openProgress({ configDir: tempDir() });
    progress.attach(store);
    expect(store.get('k2')).toMatchObject({ status: 'attempted', attempts: 1, hintsUsed: 1 });
    expect(progress.get('k2')).toMatchObject({ status: 'attempted', attempts: 1, hintsUsed: 1 });
    progress.recordCheck('k2', 'pass');
    expect(store.get('k2').status).toBe('solved');
  });
});

describe('DeferredProgress before the store', () => {
  const now = new Date('2026-11-24T10:00:00.000Z');

  it('answers quiz mode from the snapshot, counts the answer at once, and writes it once attached', () => {
    const progress = new DeferredProgress({ katas: {}, review: { 'bank:a': { box: 2, due: now.toISOString(), seen: 1, correct: 1 } } });
    expect(progress.review()['bank:a']?.box).toBe(2);
    expect(progress.recordReview('bank:a', true, now)).toMatchObject({ box: 3, seen: 2 });
    expect(progress.review()['bank:a']?.box).toBe(3);
    expect(Object.values(progress.days())).toEqual([1]);
    const { store } = openProgress({ configDir: tempDir() });
    progress.attach(store);
    // The store had no card yet: the answer arrives as the first one.
    expect(store.review()['bank:a']).toMatchObject({ box: 2, seen: 1 });
  });

  it('reset --all before the store clears the snapshot and drops the updates it would undo', () => {
    const progress = new DeferredProgress({ katas: { k1: { ...emptyProgress(), status: 'solved' } } });
    progress.recordCheck('k2', 'fail');
    progress.resetAll();
    expect(progress.get('k1')).toEqual(emptyProgress());
    const { store } = openProgress({ configDir: tempDir() });
    store.recordCheck('k3', 'pass');
    progress.attach(store);
    expect(store.all()).toEqual({});
  });
});
