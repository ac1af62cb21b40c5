/**
 * The engine, loaded for the tests in Node. Playwright's ESM loader refuses the engine's
 * JSON imports without `with { type: 'json' }` (which vite and tsc, moduleResolution
 * bundler, do not need), so the engine module is loaded through tsx, which accepts them.
 */
import { tsImport } from 'tsx/esm/api';

type Engine = typeof import('../../src/engine');

let engine: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  engine ??= tsImport('../../src/engine/index.ts', import.meta.url) as Promise<Engine>;
  return engine;
}
