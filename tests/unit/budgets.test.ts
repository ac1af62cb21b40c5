/**
 * The budget checker of CI (scripts/budgets.ts) fails when a budget is broken, and when a
 * measurement is missing, rather than passing; and the bundle reader finds static imports
 * and the precache manifest as the build writes them.
 */
import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, type Measurements } from '../../scripts/budgets';
import { isChartJs, precacheUrls, staticImports } from '../../scripts/measure-build';

const withinBudget: Measurements = {
  initialJsGzipKb: 25.5,
  chartJsInInitialRoute: 0,
  precacheGzipKb: 173,
  lighthousePerformance: 98,
  lighthouseAccessibility: 100,
  lighthouseBestPractices: 100,
};

describe('checkBudgets', () => {
  it('passes figures within every budget, one PASS line per budget', () => {
    const r = checkBudgets(withinBudget);
    expect(r.ok).toBe(true);
    expect(r.lines).toHaveLength(BUDGETS.length);
    expect(r.lines.every((l) => l.startsWith('PASS'))).toBe(true);
    expect(r.lines).toContain('PASS  initial route JavaScript (gzip): 25.5 kB (budget ≤ 60 kB)');
  });

  it('fails a broken size budget with a line that says by how much', () => {
    const r = checkBudgets({ ...withinBudget, initialJsGzipKb: 61.3 });
    expect(r.ok).toBe(false);
    expect(r.results.filter((x) => !x.ok).map((x) => x.id)).toEqual(['initialJsGzipKb']);
    expect(r.lines).toContain('FAIL  initial route JavaScript (gzip): 61.3 kB is over the budget ≤ 60 kB by 1.3 kB');
  });

  it('fails chart.js in the initial route, a precache over 450 kB and each Lighthouse score under its minimum', () => {
    const r = checkBudgets({ initialJsGzipKb: 60, chartJsInInitialRoute: 1, precacheGzipKb: 450.1, lighthousePerformance: 94, lighthouseAccessibility: 99, lighthouseBestPractices: 100 });
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => [x.id, x.ok])).toEqual([
      ['initialJsGzipKb', true], // exactly at the limit is within it
      ['chartJsInInitialRoute', false],
      ['precacheGzipKb', false],
      ['lighthousePerformance', false],
      ['lighthouseAccessibility', false],
      ['lighthouseBestPractices', true],
    ]);
    expect(r.lines).toContain('FAIL  Lighthouse performance (mobile): 94 score is under the budget ≥ 95 score by 1 score');
    expect(r.lines).toContain('FAIL  chunks of the initial route that contain chart.js: 1 chunks is over the budget ≤ 0 chunks by 1 chunks');
  });

  it('fails a missing measurement instead of passing it', () => {
    const { lighthousePerformance: _dropped, ...rest } = withinBudget;
    const r = checkBudgets(rest);
    expect(r.ok).toBe(false);
    expect(r.lines).toContain('FAIL  Lighthouse performance (mobile): not measured (lighthousePerformance is missing); budget ≥ 95 score');
    expect(checkBudgets({}).results.every((x) => !x.ok)).toBe(true);
  });

  it('fails null, NaN and non-numbers, and a budget without a limit', () => {
    for (const bad of [null, Number.NaN, Number.POSITIVE_INFINITY, '12' as unknown as number]) {
      expect(checkBudgets({ ...withinBudget, precacheGzipKb: bad }).ok).toBe(false);
    }
    const r = checkBudgets({ x: 1 }, [{ id: 'x', label: 'no limit', unit: 'kB' }]);
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual(['FAIL  no limit: the budget has no limit']);
    expect(checkBudgets({}, []).ok).toBe(false); // no budgets at all is not a pass either
  });

  it('does not read measurements from the prototype', () => {
    const r = checkBudgets({ ...withinBudget }, [{ id: 'toString', label: 'inherited', unit: 'kB', max: 1 }]);
    expect(r.ok).toBe(false);
  });
});

describe('reading the build', () => {
  it('follows static imports and leaves dynamic import() alone', () => {
    const code =
      'import{a as e,b as t}from"./index-AAA.js";import"./side-BBB.js";export*from`./re-CCC.js`;export{e as x};' +
      'const n=()=>import(`./lazy-DDD.js`);const m=import.meta.url;var s=1;import{c}from"./other-EEE.js"';
    expect(staticImports(code)).toEqual(['./index-AAA.js', './side-BBB.js', './re-CCC.js', './other-EEE.js']);
  });

  it('reads each precache url once from a Workbox service worker', () => {
    const sw = 's.precacheAndRoute([{url:"index.html",revision:"1"},{url:"assets/a.js",revision:null},{url:"icon.svg",revision:"2"},{url:"index.html",revision:"1"}],{})';
    expect(precacheUrls(sw)).toEqual(['index.html', 'assets/a.js', 'icon.svg']);
  });

  it('knows chart.js by its own identifiers', () => {
    expect(isChartJs('x.getDatasetMeta(0);y={datasetElementType:null}')).toBe(true);
    expect(isChartJs('const chart = "not chart.js"')).toBe(false);
  });
});
