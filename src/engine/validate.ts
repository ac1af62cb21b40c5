/**
 * Checks input values against the fact catalogue. One place for the rules and the
 * Dutch/English messages: the entry form, the import and the engine all use it.
 * An invalid value is never a valid fact: the engine treats it as unknown and reports it.
 */
import { formatValue } from './format';
import type { Fact, FactValue, InputIssue, Terrain, Text } from './types';

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

/**
 * Parses what a person typed into a number field: nl-NL ("1.234,5") or en ("1,234.5").
 * Returns null for an empty field (unknown) and NaN for text that is no number.
 */
export function parseNumberInput(text: string, lang: 'nl' | 'en'): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  let normalised = trimmed;
  // A group separator is only accepted in groups of three digits.
  const groupPattern = lang === 'nl' ? /^-?\d{1,3}(\.\d{3})+(,\d+)?$/ : /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
  if (groupPattern.test(normalised)) normalised = normalised.split(group).join('');
  normalised = normalised.replace(decimal, '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** The quick yes of the common case (no allocation); anything else goes through checkFactValue. */
function isPlainlyValid(fact: Fact, value: unknown): boolean {
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (fact.min === undefined || value >= fact.min) && (fact.max === undefined || value <= fact.max);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && (fact.min === undefined || value >= fact.min) && (fact.max === undefined || value <= fact.max);
    default:
      return false;
  }
}

/** Cleans the facts of one record: valid values stay, invalid ones become unknown and are reported. */
export function cleanFacts(
  raw: Record<string, unknown> | undefined,
  catalogue: Map<string, Fact>,
  scope: Fact['scope'],
  issues: InputIssue[],
  buildingId?: string,
): Map<string, FactValue> {
  const clean = new Map<string, FactValue>();
  if (!raw || typeof raw !== 'object') return clean;
  for (const key of Object.keys(raw)) {
    const fact = catalogue.get(key);
    if (!fact || fact.scope !== scope) continue; // unknown keys are kept in storage, not used here
    const value = raw[key];
    if (value === null || value === undefined) continue;
    if (isPlainlyValid(fact, value)) {
      clean.set(key, value as FactValue);
      continue;
    }
    const check = checkFactValue(fact, value);
    if (check.ok) {
      if (check.value !== null) clean.set(key, check.value);
    } else {
      issues.push({ factId: key, buildingId, value: raw[key], message: check.message.nl, messageEn: check.message.en });
    }
  }
  return clean;
}

/** All input issues of a terrain (what the form shows next to the fields). */
export function terrainIssues(terrain: Terrain, catalogue: Map<string, Fact>): InputIssue[] {
  const issues: InputIssue[] = [];
  cleanFacts(terrain.facts, catalogue, 'terrain', issues);
  for (const b of terrain.buildings ?? []) cleanFacts(b?.facts, catalogue, 'building', issues, b?.id);
  return issues;
}
