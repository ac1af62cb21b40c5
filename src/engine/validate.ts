/**
 * Checks input values against the fact catalogue. One place for the rules and the
 * Dutch/English messages: the entry form, the import and the engine all use it.
 * An invalid value is never a valid fact: the engine treats it as unknown and reports it.
 */
import { formatValue, unitIn } from './format';
import type { Fact, FactValue, InputIssue, Parameter, Terrain, Text } from './types';

export type FactCheck = { ok: true; value: FactValue } | { ok: false; message: Text };

const fail = (nl: string, en: string): FactCheck => ({ ok: false, message: { nl, en } });

/** Checks one value (null/undefined = unknown, always fine). */
export function checkFactValue(fact: Fact, value: unknown): FactCheck {
  if (value === null || value === undefined) return { ok: true, value: null };
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail('Kies ja, nee of onbekend.', 'Choose yes, no or unknown.');
    case 'enum': {
      const options = fact.options ?? [];
      if (typeof value === 'string' && options.some((o) => o.value === value)) return { ok: true, value };
      return fail(
        `Kies een van de opties: ${options.map((o) => o.label.nl).join(', ')}.`,
        `Choose one of: ${options.map((o) => o.label.en).join(', ')}.`,
      );
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Vul een getal in.', 'Enter a number.');
      if (fact.type === 'integer' && !Number.isInteger(value)) return fail('Vul een geheel getal in.', 'Enter a whole number.');
      const unit = fact.unit;
      if (fact.min !== undefined && value < fact.min) {
        return fact.min === 0
          ? fail('Mag niet negatief zijn.', 'Must not be negative.')
          : fail(`Mag niet kleiner zijn dan ${formatValue(fact.min, 'nl', unit)}.`, `Must not be less than ${formatValue(fact.min, 'en', unit)}.`);
      }
      if (fact.max !== undefined && value > fact.max) {
        return fail(`Mag niet groter zijn dan ${formatValue(fact.max, 'nl', unit)}.`, `Must not be more than ${formatValue(fact.max, 'en', unit)}.`);
      }
      return { ok: true, value };
    }
  }
}

/** An adjustable parameter as a number field (label, unit, range, help), so that form, import and engine check it as they check facts. */
const asFacts = new WeakMap<Parameter, Fact>();
export function parameterAsFact(parameter: Parameter): Fact | undefined {
  const adjustable = parameter.adjustable;
  if (!adjustable) return undefined;
  let fact = asFacts.get(parameter);
  if (!fact) {
    fact = { id: parameter.id, scope: 'terrain', type: 'number', group: 'own-values', unit: parameter.unit === '-' ? undefined : parameter.unit, min: adjustable.min, max: adjustable.max, label: parameter.label, help: adjustable.help };
    asFacts.set(parameter, fact);
  }
  return fact;
}

/**
 * The terrain's own parameter values that are valid: adjustable parameters with a number in
 * range. A value for a parameter that is not adjustable, or out of range, is reported and not
 * used; ids the toolbox does not know are kept in storage and not used.
 */
export function cleanOwnValues(raw: unknown, parameters: Map<string, Parameter>, issues: InputIssue[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const key of Object.keys(raw)) {
    const parameter = parameters.get(key);
    if (!parameter) continue;
    const value = (raw as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    const fact = parameterAsFact(parameter);
    if (!fact) {
      issues.push({ factId: key, parameter: true, value, message: 'Deze waarde uit de toolbox kan niet worden aangepast.', messageEn: 'This toolbox value cannot be changed.' });
      continue;
    }
    const check = checkFactValue(fact, value);
    if (check.ok && typeof check.value === 'number') out[key] = check.value;
    else if (!check.ok) issues.push({ factId: key, parameter: true, value, message: check.message.nl, messageEn: check.message.en });
  }
  return out;
}

/** The unit part of a number field, as people type it: m2 for m², case ignored. */
const plainUnit = (unit: string): string => unit.toLowerCase().replace(/²/g, '2').replace(/³/g, '3').replace(/\s/g, '');

/** The units a field accepts after the number: its unit in Dutch and English, and without its period (kWh for kWh/jaar). */
function unitsOf(unit: string): Set<string> {
  const forms = new Set<string>();
  for (const u of [unit, unitIn(unit, 'en')]) {
    forms.add(plainUnit(u));
    const slash = u.indexOf('/');
    if (slash > 0 && /^\/(jaar|year)$/.test(u.slice(slash))) forms.add(plainUnit(u.slice(0, slash)));
  }
  return forms;
}

/** What a person typed into a number field, parsed and checked as the form and walk mode take it: an empty field is unknown (null), text that is no number gets the fact's message. */
export function checkNumberInput(fact: Fact, text: string, lang: 'nl' | 'en'): FactCheck {
  const parsed = parseNumberInput(text, lang, fact);
  return checkFactValue(fact, parsed !== null && Number.isNaN(parsed) ? text : parsed);
}

/** A number field with no unit (or "-") whose maximum is at most 1 holds a share: "12 %" there means 0,12. */
export const isShare = (fact: Pick<Fact, 'unit' | 'max'>): boolean => (fact.unit === undefined || fact.unit === '-') && fact.max !== undefined && fact.max <= 1;

/**
 * Parses what a person typed into a number field: nl-NL ("1.234,5", "2.316" is 2316, ",5")
 * or en ("1,234.5", ".5"). With the field's fact it also takes the unit typed after the
 * number ("5000 m2", "5.000 m²", "120000 kWh" for kWh/jaar) and a percentage: "12 %" is 12
 * in a field whose unit is %, 0,12 in a share (no unit, at most 1), and refused elsewhere.
 * Returns null for an empty field (unknown) and NaN for text that is no number (or the wrong unit).
 */
export function parseNumberInput(text: string, lang: 'nl' | 'en', fact?: Pick<Fact, 'unit' | 'max'>): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const [number, suffix] = splitUnit(trimmed);
  let percent = false;
  if (suffix !== '') {
    if (suffix === '%' && fact && isShare(fact)) percent = true;
    else if (!fact?.unit || !unitsOf(fact.unit).has(plainUnit(suffix))) return Number.NaN;
  }
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  let normalised = number;
  // A group separator is only accepted in groups of three digits.
  const groupPattern = lang === 'nl' ? /^-?\d{1,3}(\.\d{3})+(,\d*)?$/ : /^-?\d{1,3}(,\d{3})+(\.\d*)?$/;
  if (groupPattern.test(normalised)) normalised = normalised.split(group).join('');
  normalised = normalised.replace(decimal, '.');
  // "5," (still typing) is 5; ",5" is 0,5.
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return Number.NaN;
  const value = Number(normalised.endsWith('.') ? normalised.slice(0, -1) : normalised);
  return percent ? value / 100 : value;
}

/** "5.000m²" → ["5.000", "m²"]: the number part and what follows it. */
function splitUnit(text: string): [string, string] {
  const match = /^(-?[\d.,]*)(.*)$/.exec(text)!;
  return [match[1], match[2]];
}

/** The quick yes of the common case (no allocation); anything else goes through checkFactValue. */
function isPlainlyValid(entry: FactEntry, value: unknown): boolean {
  const fact = entry.fact;
  switch (fact.type) {
    case 'enum':
      return entry.options !== undefined && typeof value === 'string' && entry.options.has(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (fact.min === undefined || value >= fact.min) && (fact.max === undefined || value <= fact.max);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && (fact.min === undefined || value >= fact.min) && (fact.max === undefined || value <= fact.max);
  }
}

/** A catalogue fact and its slot in the engine's value arrays. */
export interface FactEntry {
  fact: Fact;
  slot: number;
  /** An enum's option values, for the quick check. */
  options?: Set<string>;
}

/**
 * Cleans the facts of one record into `into` (by slot): valid values are stored, invalid
 * ones stay unknown and are reported. Keys the catalogue does not know, or of the other
 * scope, are kept in storage but not used here.
 */
export function cleanFacts(
  raw: Record<string, unknown> | undefined,
  catalogue: Map<string, FactEntry>,
  scope: Fact['scope'],
  issues: InputIssue[],
  buildingId: string | undefined,
  into: FactValue[],
): void {
  if (!raw || typeof raw !== 'object') return;
  // for-in reads a plain record faster than Object.keys; it would also list inherited keys, so
  // it is used only where the prototype is Object.prototype or none (JSON, IndexedDB, the form).
  const proto = Object.getPrototypeOf(raw);
  if (proto === Object.prototype || proto === null) {
    for (const key in raw) {
      const entry = catalogue.get(key);
      if (entry !== undefined && entry.fact.scope === scope) store(entry, key, raw[key], issues, buildingId, into);
    }
  } else {
    for (const key of Object.keys(raw)) {
      const entry = catalogue.get(key);
      if (entry !== undefined && entry.fact.scope === scope) store(entry, key, raw[key], issues, buildingId, into);
    }
  }
}

/** Stores one value if it is valid; reports it if it is not (null and undefined are unknown, not wrong). */
function store(entry: FactEntry, key: string, value: unknown, issues: InputIssue[], buildingId: string | undefined, into: FactValue[]): void {
  if (value === null || value === undefined) return;
  if (isPlainlyValid(entry, value)) {
    into[entry.slot] = value as FactValue;
    return;
  }
  const check = checkFactValue(entry.fact, value);
  if (check.ok) {
    if (check.value !== null) into[entry.slot] = check.value;
  } else {
    issues.push({ factId: key, buildingId, value, message: check.message.nl, messageEn: check.message.en });
  }
}

/** All input issues of a terrain (what the form shows next to the fields). */
export function terrainIssues(terrain: Terrain, catalogue: Map<string, Fact>): InputIssue[] {
  const entries = new Map([...catalogue].map(([id, fact], slot) => [id, { fact, slot }]));
  const issues: InputIssue[] = [];
  const scratch: FactValue[] = [];
  cleanFacts(terrain.facts, entries, 'terrain', issues, undefined, scratch);
  for (const b of terrain.buildings ?? []) cleanFacts(b?.facts, entries, 'building', issues, b?.id, scratch);
  return issues;
}
