/**
 * A building's section "Bedrijf en bezoek": what a site visit gathers (address, company, KvK
 * number, contact, visit date, notes), generated from the survey properties of
 * toolbox-data/schema/terrain.schema.json as src/ui/survey.ts reads them, and its photos
 * (src/ui/Photos.tsx). A field that fails its check shows the schema's message and is not stored; an
 * emptied field is removed. The engine never reads these fields. They enter the page when the
 * fold is first opened (LazyGroup).
 */
import type { Building, Survey } from '../../engine/types';
import { tx } from '../../i18n';
import { terrains } from '../../state';
import { buildingPhotos, PhotoControls } from '../../ui/Photos';
import { TextField } from '../../ui/TextField';
import { groupDomId, LazyGroup } from './LazyGroup';
import { checkSurveyValue, SURVEY_FIELDS, SURVEY_LABEL } from '../../ui/survey';

export function SurveyFields({ terrainId, building }: { terrainId: string; building: Building }) {
  const values = building.survey ?? {};
  const commit = (key: keyof Survey, value: string): void => {
    const { [key]: _old, ...rest } = values;
    const next: Survey = value === '' ? rest : { ...rest, [key]: value };
    terrains.updateBuilding(terrainId, building.id, { survey: Object.keys(next).length > 0 ? next : undefined });
  };
  return (
    <LazyGroup id={groupDomId(building.id, 'survey')} label={tx(SURVEY_LABEL)} open={Object.keys(values).length > 0 || buildingPhotos(terrainId, building.id).length > 0}>
      {() => (
        <>
          <div class="grid">
            {SURVEY_FIELDS.map((field) => (
              <TextField
                key={field.key}
                id={`survey-${building.id}-${field.key}`}
                label={tx(field.label)}
                value={values[field.key] ?? ''}
                type={field.input === 'date' ? 'date' : 'text'}
                inputMode={field.input === 'numeric' ? 'numeric' : undefined}
                maxLength={field.maxLength}
                check={(v) => {
                  const message = checkSurveyValue(field, v);
                  return message && tx(message);
                }}
                onCommit={(v) => commit(field.key, v)}
              />
            ))}
          </div>
          <PhotoControls terrainId={terrainId} buildingId={building.id} buildingName={building.name || building.id} />
        </>
      )}
    </LazyGroup>
  );
}
