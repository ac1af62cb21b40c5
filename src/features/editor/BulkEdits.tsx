/**
 * The editor's two bulk edits on a building card: "Kopieer van ander gebouw" (a select of the
 * terrain's other buildings; the facts are copied, not the name or the survey) and "Dit
 * antwoord voor alle gebouwen" next to a field with a value. Each asks first, naming how many
 * values or buildings change (bulk.ts counts them), and is one action of the terrains model.
 * The stored terrain is read only when asked, so a card re-renders for its own edits only.
 */
import { checkFactValue, formatValue } from '../../engine';
import type { Fact } from '../../engine/types';
import { lang, t, tx } from '../../i18n';
import { terrains } from '../../state';
import { optionLabel } from '../../ui/labels';
import { copyCount, forAllCount } from './bulk';

/** The terrain's buildings by id and name: the same array while no id or name changes. */
export type Roster = readonly { id: string; name: string }[];

const buildingsOf = (terrainId: string) => terrains.byId.value.get(terrainId)?.buildings ?? [];

export function CopyFromBuilding({ terrainId, buildingId, roster }: { terrainId: string; buildingId: string; roster: Roster }) {
  const domId = `copy-${buildingId}`;
  const copy = (sourceId: string): void => {
    const list = buildingsOf(terrainId);
    const source = list.find((b) => b.id === sourceId);
    const target = list.find((b) => b.id === buildingId);
    if (!source || !target) return;
    const count = copyCount(source, target);
    if (count === 0) alert(t('copyNothing', { source: source.name, target: target.name }));
    else if (confirm(t('confirmCopyFrom', { source: source.name, target: target.name, count }))) terrains.copyFactsFrom(terrainId, buildingId, sourceId);
  };
  return (
    <div class="field copy-from">
      <label for={domId}>{t('copyFrom')}</label>
      <select
        id={domId}
        value=""
        onChange={(e) => {
          const sourceId = e.currentTarget.value;
          e.currentTarget.value = '';
          if (sourceId) copy(sourceId);
        }}
      >
        <option value="">{t('copyFromChoose')}</option>
        {roster
          .filter((r) => r.id !== buildingId)
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
      </select>
    </div>
  );
}

/** "Dit antwoord voor alle gebouwen", shown next to a field that holds a valid value. */
export function AnswerForAll({ terrainId, fact, value }: { terrainId: string; fact: Fact; value: unknown }) {
  const check = checkFactValue(fact, value);
  if (!check.ok || check.value === null) return null;
  const answer = check.value;
  const label = tx(fact.label);
  const ask = (): void => {
    const list = buildingsOf(terrainId);
    const count = forAllCount(list, fact.id, answer);
    const shown = formatValue(answer, lang.value, fact.unit, optionLabel(fact.id));
    if (count === 0) alert(t('forAllNothing', { fact: label, value: shown }));
    else if (confirm(t('confirmForAll', { fact: label, value: shown, count, total: list.length }))) terrains.setFactForAll(terrainId, fact.id, answer);
  };
  return (
    <button type="button" class="secondary for-all" aria-label={t('answerForAllLabel', { fact: label })} onClick={ask}>
      {t('answerForAll')}
    </button>
  );
}
