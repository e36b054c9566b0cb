import { expect, it } from 'vitest';
import { collectWhenIdle } from '../../src/ui/memory.js';

it('runs a full collection once things go quiet', async () => {
  let garbage: string[][] | undefined = Array.from({ length: 600 }, (_, i) => Array.from({ length: 1000 }, (_, j) => `${i}:${j}`));
  // Survive two scavenges so the garbage sits in the old generation, where only a full collection frees it.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  const before = process.memoryUsage().heapUsed;
  garbage = undefined;
  collectWhenIdle(0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(garbage).toBeUndefined();
  expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(8 * 1024 * 1024);
});
