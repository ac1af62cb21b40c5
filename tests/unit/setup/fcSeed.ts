/** Vitest setup file: every fc.assert of the run uses the seed the global setup chose (tests/unit/helpers/seed.ts). */
import fc from 'fast-check';
import { inject } from 'vitest';

fc.configureGlobal({ seed: inject('fcSeed') });
