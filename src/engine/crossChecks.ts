/**
 * Checks between fields of one building, said once: a pure list of rules, each naming the
 * field that shows its message. A cross check is a warning, not a rejection: both values stay
 * stored and the engine uses them as they are (so a warning never changes a verdict), and the
 * message says so. They are not in `inputIssues`, which lists values the engine did not use.
 */
import { formatValue } from './format';
import { bundledToolbox } from './toolbox';
import type { Lang, Text } from './types';

type Facts = Readonly<Record<string, unknown>>;

export interface CrossCheck {
  id: string;
  /** The field that shows the warning. */
  factId: string;
  /** The other facts the check reads. */
  with: readonly string[];
  /** True when the values do not fit together. */
  fails(facts: Facts): boolean;
  message(facts: Facts, lang: Lang): string;
}

export interface CrossWarning {
  checkId: string;
  factId: string;
  message: Text;
}

const num = (facts: Facts, id: string): number | null => {
  const v = facts[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const greater = (a: number | null, b: number | null): boolean => a !== null && b !== null && a > b;
const units = new Map(bundledToolbox.facts.map((f) => [f.id, f.unit]));
/** A value with its unit from the catalogue, as the reader writes it. */
const shown = (facts: Facts, id: string, lang: Lang): string => formatValue(num(facts, id), lang, units.get(id));
const kept = { nl: 'Wel opgeslagen; controleer beide waarden.', en: 'Saved anyway; check both values.' };

export const CROSS_CHECKS: readonly CrossCheck[] = [
  {
    id: 'office-within-floor',
    factId: 'officeAreaM2',
    with: ['floorAreaM2'],
    fails: (f) => greater(num(f, 'officeAreaM2'), num(f, 'floorAreaM2')),
    message: (f, lang) =>
      lang === 'nl'
        ? `Het kantooroppervlak (${shown(f, 'officeAreaM2', lang)}) is groter dan het vloeroppervlak (${shown(f, 'floorAreaM2', lang)}). ${kept.nl}`
        : `The office area (${shown(f, 'officeAreaM2', lang)}) is larger than the floor area (${shown(f, 'floorAreaM2', lang)}). ${kept.en}`,
  },
  {
    id: 'peak-within-contract',
    factId: 'peakOfftakeKw',
    with: ['contractedOfftakeKw', 'connection'],
    fails: (f) => f.connection === 'large' && greater(num(f, 'peakOfftakeKw'), num(f, 'contractedOfftakeKw')),
    message: (f, lang) =>
      lang === 'nl'
        ? `De piekafname (${shown(f, 'peakOfftakeKw', lang)}) is hoger dan het gecontracteerde afnamevermogen (${shown(f, 'contractedOfftakeKw', lang)}) van deze grootverbruikaansluiting. ${kept.nl}`
        : `The peak offtake (${shown(f, 'peakOfftakeKw', lang)}) is above the contracted offtake (${shown(f, 'contractedOfftakeKw', lang)}) of this large connection. ${kept.en}`,
  },
];

/** The cross checks one building's facts fail, each with its message in both languages. */
export function crossWarnings(facts: Facts | undefined): CrossWarning[] {
  if (!facts) return [];
  const out: CrossWarning[] = [];
  for (const check of CROSS_CHECKS) {
    if (check.fails(facts)) out.push({ checkId: check.id, factId: check.factId, message: { nl: check.message(facts, 'nl'), en: check.message(facts, 'en') } });
  }
  return out;
}
