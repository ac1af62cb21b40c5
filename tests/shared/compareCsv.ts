/** The figure columns both compare CSVs share, in their order, with their Dutch heads (unit test and browser test). */
import { nl } from '../../src/i18n/nl';
import { STATUS_ORDER } from '../../src/ui/statusOrder';

/** Blocker kinds in Dutch, in the order of BLOCKER_KINDS. */
export const KIND_NL = {
  grid: 'net en infrastructuur',
  roof: 'dak en gebouw',
  insurance: 'verzekering',
  organisation: 'organisatie',
  law: 'wet en subsidie',
  info: 'informatie ontbreekt',
} as const;

export const FIGURE_HEADER_NL = [
  'Zon-pv potentieel (kWp)',
  'Opbrengst per jaar (MWh)',
  'CO₂-reductie per jaar (t CO₂/jaar)',
  'Investering (€)',
  'Besparing per jaar (€)',
  'Terugverdientijd (investering gedeeld door besparing) (jaar)',
  'kg CO₂ per jaar per € 1.000',
  // The status words as the UI says them (their wording is the messages' concern).
  ...STATUS_ORDER.map((s) => nl[`status${s}`]),
  'Wettelijke plichten',
  ...Object.values(KIND_NL).map((k) => `Knelpunten: ${k}`),
  'Afname boven de netruimte (kW)',
  'Invoeding boven het contract (kW)',
  'Cijfers volledig',
];
