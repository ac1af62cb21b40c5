/**
 * The terrain's own values for adjustable parameters (a quote, a tariff): the form section
 * in the editor, generated from parameters.json like the fact fields, and the list of own
 * values an assessment used, each with the toolbox value it replaces.
 */
import { parameterAsFact, valueOn } from '../../engine';
import type { Assessment, ParamValue, Terrain } from '../../engine/types';
import { formatNumber, t, tx } from '../../i18n';
import { KEPT_ID, OLD_MEANING_ID, terrains } from '../../state';
import { toolboxIndex } from '../../ui/common';
import { FactField, fieldDomId } from './FactField';

const adjustable = toolboxIndex.toolbox.parameters.filter((p) => p.adjustable);

/** "0,085 €/kWh": own values are prices and ratios, so up to three decimals. */
function valueText(value: ParamValue | null, unit: string): string {
  if (typeof value !== 'number') return t('unknown');
  const n = formatNumber(value, 3);
  return unit && unit !== '-' ? `${n} ${unit}` : n;
}

/** The terrain's parts it reads are its props (not the terrain), so an edit elsewhere skips it. */
export function OwnValuesForm({ terrainId, overrides, date: assessmentDate }: { terrainId: string; overrides: Terrain['parameterOverrides']; date: string | undefined }) {
  const own = overrides ?? {};
  const date = assessmentDate ?? new Date().toISOString().slice(0, 10);
  return (
    <details class="fact-group" open={Object.keys(own).length > 0}>
      <summary>{t('ownValues')}</summary>
      <p class="help">{t('ownValuesIntro')}</p>
      <div class="grid">
        {adjustable.map((p) => {
          const current = valueOn(p, date);
          const toolboxText = `${valueText(current?.value ?? null, p.unit)}${current?.unconfirmed ? `, ${t('indicative')}` : ''}`;
          const field = (
            <FactField
              key={p.id}
              fact={parameterAsFact(p)!}
              value={own[p.id]}
              fieldId={fieldDomId('own', p.id)}
              placeholder={t('toolboxValue', { value: toolboxText })}
              emptyNote={t('emptyIsToolboxValue')}
              onChange={(v) => terrains.setOwnValue(terrainId, p.id, typeof v === 'number' ? v : null)}
            />
          );
          const kept = own[KEPT_ID];
          if (p.id !== OLD_MEANING_ID || typeof kept !== 'number') return field;
          // A value of the old meaning (supply price plus tax) that was moved aside: shown where its successor is entered.
          return (
            <div key={p.id}>
              {field}
              <p class="notice own-value-kept">
                {t('ownValueKept', { value: valueText(kept, p.unit) })}{' '}
                <button type="button" onClick={() => terrains.setOwnValue(terrainId, KEPT_ID, null)}>
                  {t('ownValueKeptRemove')}
                </button>
              </p>
            </div>
          );
        })}
      </div>
    </details>
  );
}

/** The own values an assessment used; nothing when there are none. */
export function OwnValuesUsed({ assessment, headingLevel = 2 }: { assessment: Assessment; headingLevel?: 2 | 3 }) {
  if (assessment.ownValues.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="own-values" aria-labelledby="own-values-title">
      <Heading id="own-values-title">{t('ownValuesUsed')}</Heading>
      <ul>
        {assessment.ownValues.map((o) => (
          <li key={o.parameterId}>
            {tx(toolboxIndex.parameters.get(o.parameterId)?.label)}: <strong>{valueText(o.value, o.unit)}</strong>{' '}
            ({t('ownValueInstead', { value: valueText(o.toolboxValue, o.unit) })}
            {o.toolboxUnconfirmed ? `, ${t('indicative')}` : ''})
          </li>
        ))}
      </ul>
    </section>
  );
}
