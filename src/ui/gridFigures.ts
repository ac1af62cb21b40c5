/**
 * The grid panel's figures as data, shared by its chart and its table twin (and the compare
 * view): which bars, their values in kW, their colours, and whether a value is only a lower
 * bound. Pure; the words are message keys, translated by the views.
 */
import { GRID_COLORS } from './palette';
import type { GridSum, GridSummary } from '../engine/types';
import type { MessageKey } from '../i18n/messages';

export interface GridBar {
  key: MessageKey;
  /** Parts of one bar (a stacked bar has two: today's peak and what is added). */
  parts: { kw: number; color: string; key: MessageKey }[];
  /** Some building's value is unknown: the bar is a lower bound. */
  lowerBound: boolean;
}


/** Offtake: the contracts against today's peak, the peak with the added demand, and the group's coincident peak against its contract. */
export function offtakeBars(g: GridSummary): GridBar[] {
  const bars: GridBar[] = [
    { key: 'gridContractedOfftake', parts: [{ kw: g.contractedOfftakeKw.kw, color: GRID_COLORS.contract, key: 'gridContractedOfftake' }], lowerBound: !g.contractedOfftakeKw.complete },
    { key: 'gridPeak', parts: [{ kw: g.peakOfftakeKw.kw, color: GRID_COLORS.peak, key: 'gridPeak' }], lowerBound: !g.peakOfftakeKw.complete },
    {
      key: 'gridPeakPlusAdded',
      parts: [
        { kw: g.peakOfftakeKw.kw, color: GRID_COLORS.peak, key: 'gridPeak' },
        { kw: g.addedOfftakeKw.kw, color: GRID_COLORS.added, key: 'gridAdded' },
      ],
      lowerBound: !g.peakOfftakeKw.complete || !g.addedOfftakeKw.complete,
    },
  ];
  if (g.groupBuildingIds.length > 0) {
    bars.push(
      { key: 'gridGroupContract', parts: [{ kw: g.groupContractedOfftakeKw.kw, color: GRID_COLORS.contract, key: 'gridGroupContract' }], lowerBound: !g.groupContractedOfftakeKw.complete },
      { key: 'gridCollectivePeak', parts: [{ kw: g.collectivePeakKw.kw, color: GRID_COLORS.collective, key: 'gridCollectivePeak' }], lowerBound: !g.collectivePeakKw.complete },
    );
  }
  return bars;
}

/** Feed-in: the contracts against the PV that the feasible and conditional measures would feed in. */
export function feedInBars(g: GridSummary): GridBar[] {
  return [
    { key: 'gridContractedFeedIn', parts: [{ kw: g.contractedFeedInKw.kw, color: GRID_COLORS.contract, key: 'gridContractedFeedIn' }], lowerBound: !g.contractedFeedInKw.complete },
    { key: 'gridFeedInPotential', parts: [{ kw: g.feedInPotentialKw.kw, color: GRID_COLORS.pv, key: 'gridFeedInPotential' }], lowerBound: !g.feedInPotentialKw.complete },
  ];
}

/** A bar's total. */
export const barKw = (b: GridBar): number => b.parts.reduce((s, p) => s + p.kw, 0);

/** The grid figures per terrain, in the order the compare table and its CSV show them. */
export const GRID_FIGURES: { key: MessageKey; sum: (g: GridSummary) => GridSum }[] = [
  { key: 'gridContractedOfftake', sum: (g) => g.contractedOfftakeKw },
  { key: 'gridPeak', sum: (g) => g.peakOfftakeKw },
  { key: 'gridAdded', sum: (g) => g.addedOfftakeKw },
  { key: 'gridCollectivePeak', sum: (g) => g.collectivePeakKw },
  { key: 'gridFreedShort', sum: (g) => g.freedKw },
  { key: 'gridContractedFeedIn', sum: (g) => g.contractedFeedInKw },
  { key: 'gridFeedInPotential', sum: (g) => g.feedInPotentialKw },
];
