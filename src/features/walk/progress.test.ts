import { describe, expect, it } from 'vitest';
import type { Assessment, MeasureResult } from '../../engine/types';
import { buildingsDecided } from './progress';

const m = (buildingId: string | undefined, status: MeasureResult['status']) => ({ measureId: 'x', buildingId, status }) as MeasureResult;

describe('buildingsDecided', () => {
  it('counts buildings without a needs-info verdict; terrain verdicts do not count', () => {
    const a = { measures: [m('a', 'feasible'), m('a', 'blocked'), m('b', 'needs-info'), m('b', 'feasible'), m(undefined, 'needs-info'), m('c', 'not-applicable')] } as Assessment;
    expect(buildingsDecided(a)).toBe(2);
  });
});
