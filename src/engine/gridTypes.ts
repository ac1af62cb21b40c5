/** The shapes of the grid summary in an assessment (`Assessment.grid`, SPEC §7); re-exported by types.ts. */

/** A value the grid summary sums per building; `addedOfftakeKw` / `feedInPotentialKw`: a feasible or conditional measure's demand or PV size is unknown. */
export type GridValueId = 'connection' | 'contractedOfftakeKw' | 'contractedFeedInKw' | 'peakOfftakeKw' | 'addedOfftakeKw' | 'feedInPotentialKw';

/** A sum over buildings: `kw` is the sum of the known values; with `complete` false some are unknown and `kw` is only a lower bound. */
export interface GridSum {
  kw: number;
  complete: boolean;
}

/** Added offtake that arrives by a year (cumulative): heat pumps, charge points and electrifying fleets now, zero-emission-zone fleets by the zone's end date. */
export interface GridYear {
  year: number;
  addedOfftakeKw: GridSum;
}

/** The terrain as one grid (SPEC §7): sums over its buildings, and what one group transport agreement would change. */
export interface GridSummary {
  contractedOfftakeKw: GridSum;
  contractedFeedInKw: GridSum;
  peakOfftakeKw: GridSum;
  /** What the feasible and conditional heat pumps (at their electric power), charge points and fleets would add. */
  addedOfftakeKw: GridSum;
  addedBy: { heatPumpsKw: number; chargePointsKw: number; fleetsKw: number };
  /** Feed-in power of the feasible and conditional PV (roof and carport), at `pvFeedInKwPerKwp`. */
  feedInPotentialKw: GridSum;
  /** The large connections that could share one group contract (a GTO is for large consumers). */
  groupBuildingIds: string[];
  groupContractedOfftakeKw: GridSum;
  groupPeakOfftakeKw: GridSum;
  /** The group's coincident peak: `simultaneity` × the sum of its members' peaks. */
  collectivePeakKw: GridSum;
  simultaneity: number;
  /** Room one group contract frees beyond the members' own contracts: their peaks no longer add up in full. */
  freedKw: GridSum;
  /** The group contract less the coincident peak and the members' added offtake: room left (≥ 0) or still lacking (< 0); null when a value it needs is unknown. */
  groupRoomKw: number | null;
  years: GridYear[];
  parameterIds: string[];
  indicative: boolean;
  incomplete: boolean;
  /** Which buildings miss which value (never summed as 0). */
  unknown: { buildingId: string; values: GridValueId[] }[];
}
