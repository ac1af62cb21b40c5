/**
 * A building's survey fields as toolbox-data/schema/terrain.schema.json declares them — label,
 * length, pattern with its message, kind of input — and the one check of a value against them.
 * Read by the editor's "Bedrijf en bezoek" section and by the spreadsheet import.
 */
import terrainSchema from '../../toolbox-data/schema/terrain.schema.json';
import commonSchema from '../../toolbox-data/schema/common.schema.json';
import type { Survey, Text } from '../engine/types';

interface SurveyProperty {
  $ref?: string;
  maxLength?: number;
  pattern?: string;
  'x-label': Text;
  'x-invalid'?: Text;
  'x-input'?: 'date' | 'numeric';
}

export interface SurveyField {
  key: keyof Survey;
  label: Text;
  maxLength?: number;
  input?: 'date' | 'numeric';
  pattern: RegExp | null;
  invalid?: Text;
}

/** The section's own label ("Bedrijf en bezoek"). */
export const SURVEY_LABEL: Text = terrainSchema.definitions.building.properties.survey['x-label'];

const properties = terrainSchema.definitions.survey.properties as Record<keyof Survey, SurveyProperty>;
/** A `$ref` here can only be the shared date. */
const resolved = (p: SurveyProperty): SurveyProperty => (p.$ref ? { ...commonSchema.definitions.date, ...p } : p);

export const SURVEY_FIELDS: readonly SurveyField[] = (Object.keys(properties) as (keyof Survey)[]).map((key) => {
  const p = resolved(properties[key]);
  return { key, label: p['x-label'], maxLength: p.maxLength, input: p['x-input'], pattern: p.pattern ? new RegExp(p.pattern, 'u') : null, invalid: p['x-invalid'] };
});

const sentence = (phrase: string): string => `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
const both = (f: (lang: 'nl' | 'en') => string): Text => ({ nl: f('nl'), en: f('en') });

/** Null when the value may be stored (empty means: not filled in), else the message in both languages. */
export function checkSurveyValue(field: SurveyField, value: string): Text | null {
  if (value === '') return null;
  if (field.maxLength !== undefined && [...value].length > field.maxLength) {
    return { nl: `Te lang: hoogstens ${field.maxLength} tekens.`, en: `Too long: at most ${field.maxLength} characters.` };
  }
  if (field.pattern && !field.pattern.test(value)) return both((l) => sentence(field.invalid?.[l] ?? ''));
  return null;
}
