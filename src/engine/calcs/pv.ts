/** Formulas of solar PV: potential on the roof and the carport, yield, cost by system size, feed-in, the cooperative (SCE) share (the business case is in business.ts). */
import { defineCalc, WP_PER_KWP } from './define';

export const pvCalcs = [
  defineCalc({
    id: 'pvKwp',
    facts: { roofAreaM2: 'number', roofType: 'option', existingPvKwp: 'number?' },
    // Existing panels unknown: the whole roof is an upper bound of what is left.
    upperBoundWhenUnknown: ['existingPvKwp'],
    params: ['pvUsableRoofShare', 'pvWpPerM2UsableEastWest', 'pvWpPerM2Module'],
    compute(f, p) {
      // Flat roofs: east-west low-tilt layout (most kWh per m² of roof); pitched: panels in the roof plane.
      const density = f.roofType === 'flat' ? p.pvWpPerM2UsableEastWest : p.pvWpPerM2Module;
      const gross = (f.roofAreaM2 * p.pvUsableRoofShare * density) / WP_PER_KWP;
      const existing = f.existingPvKwp;
      return existing === null ? gross : Math.max(0, gross - existing);
    },
  }),
  defineCalc({
    id: 'pvYieldKwhPerKwp',
    facts: { roofType: 'option', roofOrientation: 'option?' },
    params: ['pvYieldSouth', 'pvYieldEastWest', 'pvYieldNorth', 'pvYieldUnknownOrientation'],
    compute(f, p) {
      if (f.roofType === 'flat') return p.pvYieldEastWest;
      switch (f.roofOrientation) {
        case 'south':
          return p.pvYieldSouth;
        case 'east-west':
          return p.pvYieldEastWest;
        case 'north':
          return p.pvYieldNorth;
        default:
          return p.pvYieldUnknownOrientation;
      }
    },
  }),
  defineCalc({
    id: 'pvKwhPerYear',
    uses: ['pvKwp', 'pvYieldKwhPerKwp'],
    compute: (_f, _p, c) => c.pvKwp * c.pvYieldKwhPerKwp,
  }),
  defineCalc({
    id: 'pvCostEur',
    // The price per Wp falls with the system size, priced by band like a tax (the first kWp at the
    // small price, the next at the medium, the rest at the large), so the cost never falls as the size grows.
    params: ['pvCostEurPerWpSmall', 'pvCostEurPerWp', 'pvCostEurPerWpLarge', 'pvPriceSmallMaxKwp', 'pvPriceMediumMaxKwp'],
    uses: ['pvKwp'],
    compute(_f, p, c) {
      const small = Math.min(c.pvKwp, p.pvPriceSmallMaxKwp);
      const medium = Math.min(c.pvKwp, p.pvPriceMediumMaxKwp) - small;
      const large = c.pvKwp - small - medium;
      return WP_PER_KWP * (small * p.pvCostEurPerWpSmall + medium * p.pvCostEurPerWp + large * p.pvCostEurPerWpLarge);
    },
  }),
  defineCalc({
    id: 'carportKwp',
    facts: { parkingAreaM2: 'number' },
    params: ['pvUsableRoofShare', 'pvWpPerM2Module'],
    compute: (f, p) => (f.parkingAreaM2 * p.pvUsableRoofShare * p.pvWpPerM2Module) / WP_PER_KWP,
  }),
  defineCalc({
    id: 'carportFeedInKw',
    params: ['pvFeedInKwPerKwp'],
    uses: ['carportKwp'],
    compute: (_f, p, c) => c.carportKwp * p.pvFeedInKwPerKwp,
  }),
  defineCalc({
    id: 'carportKwhPerYear',
    params: ['pvYieldUnknownOrientation'],
    uses: ['carportKwp'],
    compute: (_f, p, c) => c.carportKwp * p.pvYieldUnknownOrientation,
  }),
  defineCalc({
    // The AC power the potential feeds in (what a connection's kVA and a feed-in contract's kW limit), at the inverter ratio.
    id: 'pvFeedInKw',
    params: ['pvFeedInKwPerKwp'],
    uses: ['pvKwp'],
    compute: (_f, p, c) => c.pvKwp * p.pvFeedInKwPerKwp,
  }),
  defineCalc({
    id: 'feedInExcessKw',
    facts: { contractedFeedInKw: 'number' },
    uses: ['pvFeedInKw'],
    compute: (f, _p, c) => c.pvFeedInKw - f.contractedFeedInKw,
  }),
  defineCalc({
    // SDE++ above 1 MWp: the contracted feed-in may be at most this share of the peak power.
    id: 'sdeMaxFeedInKw',
    params: ['sdeFeedInCapShare'],
    uses: ['pvKwp'],
    compute: (_f, p, c) => c.pvKwp * p.sdeFeedInCapShare,
  }),
  defineCalc({
    id: 'sceKwp',
    facts: { connection: 'option' },
    params: ['sceMaxKwpSmall', 'sceMaxKwpLarge'],
    uses: ['pvKwp'],
    compute: (f, p, c) => Math.min(c.pvKwp, f.connection === 'large' ? p.sceMaxKwpLarge : p.sceMaxKwpSmall),
  }),
  defineCalc({
    id: 'sceMembersNeeded',
    params: ['sceKwpPerMember'],
    uses: ['sceKwp'],
    compute: (_f, p, c) => Math.ceil(c.sceKwp / p.sceKwpPerMember),
  }),
];
