/** The grid panel's bars and the compare figures: values from the summary, lower bounds marked, the group bars only with a group. */
import { describe, expect, it } from 'vitest';
import { assess, type Terrain } from '../engine';
import { barKw, feedInBars, GRID_FIGURES, offtakeBars } from './gridFigures';

/** Decides every measure that adds offtake as "adds nothing" (an open verdict adds an unknown amount). */
const NOTHING_PLANNED = { heating: 'electric', plannedHeatPumpKwTh: 0, parkingSpaces: 0, newBuildOrMajorRenovation: false, vans: 0, trucks: 0 };
const terrain = (buildings: Terrain['buildings']): Terrain => ({ id: 't', name: 'T', assessmentDate: '2026-06-01', facts: { congestionOfftake: 'orange' }, buildings }) as Terrain;

describe('grid figures', () => {
  const t = terrain([
    { id: 'a', name: 'A', facts: { ...NOTHING_PLANNED, connection: 'large', contractedOfftakeKw: 400, contractedFeedInKw: 100, peakOfftakeKw: 300, heating: 'gas', plannedHeatPumpKwTh: 60 } },
    { id: 'b', name: 'B', facts: { ...NOTHING_PLANNED, connection: 'large', contractedOfftakeKw: 200, contractedFeedInKw: 50, peakOfftakeKw: 100 } },
  ]);
  const g = assess(t).grid;

  it('offtake bars: contract, peak, peak with the added demand stacked, the group contract and its coincident peak', () => {
    const bars = offtakeBars(g);
    expect(bars.map((b) => b.key)).toEqual(['gridContractedOfftake', 'gridPeak', 'gridPeakPlusAdded', 'gridGroupContract', 'gridCollectivePeak']);
    expect(bars.map(barKw)).toEqual([600, 400, 420, 600, 320]);
    expect(bars[2].parts.map((p) => p.kw)).toEqual([400, 20]);
    expect(bars.some((b) => b.lowerBound)).toBe(false);
    expect(feedInBars(g).map(barKw)).toEqual([150, 0]);
  });

  it('a building with an unknown peak makes the peak bars lower bounds; no large connection, no group bars', () => {
    const small = assess(terrain([{ id: 'c', name: 'C', facts: { connection: 'small' } }])).grid;
    const bars = offtakeBars(small);
    expect(bars.map((b) => b.key)).toEqual(['gridContractedOfftake', 'gridPeak', 'gridPeakPlusAdded']);
    expect(bars.map((b) => b.lowerBound)).toEqual([false, true, true]);
  });

  it('the compare figures read the same sums', () => {
    expect(GRID_FIGURES.map((f) => Math.round(f.sum(g).kw))).toEqual([600, 400, 20, 320, 80, 150, 0]);
  });
});
