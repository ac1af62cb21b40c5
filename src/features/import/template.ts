/**
 * The downloadable template: a CSV for Dutch Excel (src/features/compare/csv.ts) whose header
 * row is Bedrijfsnaam, KvK-nummer, Adres and every building fact by its Dutch label (with its
 * unit in brackets, which the column mapping ignores). Boolean facts take ja/nee, options their
 * Dutch words; an empty cell means unknown.
 */
import type { Fact } from '../../engine/types';
import type { FileToSave } from '../../ui/saveFile';
import { SURVEY_FIELDS } from '../../ui/survey';
import { toCsv } from '../compare/csv';

const TEMPLATE_SURVEY = ['companyName', 'kvkNumber', 'address'] as const;

export function templateHeaders(facts: readonly Fact[]): string[] {
  const survey = TEMPLATE_SURVEY.map((k) => SURVEY_FIELDS.find((f) => f.key === k)!.label.nl);
  const factHeaders = facts.filter((f) => f.scope === 'building').map((f) => (f.unit ? `${f.label.nl} (${f.unit})` : f.label.nl));
  return [...survey, ...factHeaders];
}

export function templateFile(facts: readonly Fact[]): FileToSave<string> {
  return { name: 'sjabloon-bedrijven.csv', contents: toCsv([templateHeaders(facts)]), type: 'text/csv;charset=utf-8' };
}
