import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/global-setup.ts'],
    // Tests spawn real Python processes; a loaded 2-core CI machine can be slow to start them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
