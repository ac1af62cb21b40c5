import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'src/**/*.test.ts'], // a feature's helper tests sit beside it in src/features
    environment: 'node',
    // fast-check runs with one seed per run: fixed under CI, FC_SEED to replay, else random and printed.
    globalSetup: ['tests/unit/setup/fcSeed.global.ts'],
    setupFiles: ['tests/unit/setup/fcSeed.ts'],
  },
});
