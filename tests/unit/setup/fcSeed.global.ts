/** Vitest global setup: chooses the fast-check seed once for the whole run, prints it and hands it to every test file. */
import type { TestProject } from 'vitest/node';
import { chooseSeed } from '../helpers/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}

export default function setup(project: TestProject): void {
  const { seed, why } = chooseSeed();
  console.log(`fast-check seed ${seed} (${why}); replay with FC_SEED=${seed} npx vitest run`);
  project.provide('fcSeed', seed);
}
