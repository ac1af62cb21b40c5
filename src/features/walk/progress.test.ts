import { describe, expect, it } from 'vitest';
import type { Assessment, MeasureResult } from '../../engine/types';
import { buildingsDecided, skippedFor, withSkipped } from './progress';

const m = (buildingId: string | undefined, status: MeasureResult['status']) => ({ measureId: 'x', buildingId, status }) as MeasureResult;

describe('buildingsDecided', () => {
  it('counts buildings without a needs-info verdict; terrain verdicts do not count', () => {
    const a = { measures: [m('a', 'feasible'), m('a', 'blocked'), m('b', 'needs-info'), m('b', 'feasible'), m(undefined, 'needs-info'), m('c', 'not-applicable')] } as Assessment;
    expect(buildingsDecided(a)).toBe(2);
  });
});

describe('skipped answers of a walk', () => {
  it('keeps a terrain fact skipped for every building, a building fact for its own building only', () => {
    let s = withSkipped(new Map(), null, 'congestionOfftake');
    s = withSkipped(s, 'a', 'vans');
    s = withSkipped(s, 'a', 'trucks');
    expect([...skippedFor(s, 'a')].sort()).toEqual(['congestionOfftake', 'trucks', 'vans']);
    expect([...skippedFor(s, 'b')]).toEqual(['congestionOfftake']);
  });
  it('leaves the map it is given as it was', () => {
    const before = withSkipped(new Map(), 'a', 'vans');
    withSkipped(before, 'a', 'trucks');
    expect([...skippedFor(before, 'a')]).toEqual(['vans']);
  });
});
