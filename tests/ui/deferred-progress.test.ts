import { describe, expect, it } from 'vitest';
import { openProgress } from '../../src/core/progress.js';
import { emptyProgress } from '../../src/core/progress-schema.js';
import { DeferredProgress } from '../../src/ui/deferred-progress.js';
import { tempDir } from '../helpers.js';

describe('DeferredProgress', () => {
  it('answers from the snapshot, then applies early updates to the store once it is attached', () => {
    const snapshot = { k1: { ...emptyProgress(), status: 'solved' as const, attempts: 2 } };
    const progress = new DeferredProgress(snapshot);
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
