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

type Indicators = typeof import('../../src/features/compare/indicators');
let indicators: Promise<Indicators> | null = null;

/** The compare indicators (they read the toolbox's parameters, so they come through tsx too). */
export function loadIndicators(): Promise<Indicators> {
  indicators ??= tsImport('../../src/features/compare/indicators.ts', import.meta.url) as Promise<Indicators>;
  return indicators;
}
