/**
 * A building's section "Bedrijf en bezoek": what a site visit gathers (address, company, KvK
 * number, contact, visit date, notes), generated from the survey properties of
 * toolbox-data/schema/terrain.schema.json — label, length, pattern with its message, kind of
 * input. A field that fails its check shows the schema's message and is not stored; an
 * emptied field is removed. The engine never reads these fields.
 */
import terrainSchema from '../../../toolbox-data/schema/terrain.schema.json';
import commonSchema from '../../../toolbox-data/schema/common.schema.json';
import type { Building, Survey, Text } from '../../engine/types';
import { tx } from '../../i18n';
import { terrains } from '../../state';
import { TextField } from '../../ui/TextField';

interface SurveyProperty {
  $ref?: string;
  maxLength?: number;
  pattern?: string;
  'x-label': Text;
  'x-invalid'?: Text;
  'x-input'?: 'date' | 'numeric';
}

const survey = terrainSchema.definitions.building.properties.survey;
const properties = terrainSchema.definitions.survey.properties as Record<keyof Survey, SurveyProperty>;
/** A `$ref` here can only be the shared date. */
const resolved = (p: SurveyProperty): SurveyProperty => (p.$ref ? { ...commonSchema.definitions.date, ...p } : p);
const FIELDS = (Object.keys(properties) as (keyof Survey)[]).map((key) => {
  const p = resolved(properties[key]);
  return { key, p, pattern: p.pattern ? new RegExp(p.pattern, 'u') : null };
});

const sentence = (phrase: string): string => `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;

export function SurveyFields({ terrainId, building }: { terrainId: string; building: Building }) {
  const values = building.survey ?? {};
  const commit = (key: keyof Survey, value: string): void => {
    const { [key]: _old, ...rest } = values;
    const next: Survey = value === '' ? rest : { ...rest, [key]: value };
    terrains.updateBuilding(terrainId, building.id, { survey: Object.keys(next).length > 0 ? next : undefined });
  };
  return (
    <details class="fact-group" open={Object.keys(values).length > 0}>
      <summary>{tx(survey['x-label'])}</summary>
      <div class="grid">
        {FIELDS.map(({ key, p, pattern }) => (
          <TextField
            key={key}
            id={`survey-${building.id}-${key}`}
            label={tx(p['x-label'])}
            value={values[key] ?? ''}
            type={p['x-input'] === 'date' ? 'date' : 'text'}
            inputMode={p['x-input'] === 'numeric' ? 'numeric' : undefined}
            maxLength={p.maxLength}
            check={(v) => (v === '' || !pattern || pattern.test(v) ? null : sentence(tx(p['x-invalid'])))}
            onCommit={(v) => commit(key, v)}
          />
        ))}
      </div>
    </details>
  );
}
