/**
 * The EML block of a company sheet: the counts, the recognised measures that apply (code,
 * title, when due), the facts still to find out for the rest, and the codes already done or
 * not applicable, all on a few lines; outside the energy-saving duty, that and why.
 */
import type { EmlChecklist } from '../../engine/types';
import { t, tx } from '../../i18n';
import { toolboxIndex } from '../../ui/common';
import { factLabel } from '../../ui/labels';
import { dutyThresholds, emlMoment, emlSummary } from '../assessment/EmlChecklist';
import { emlCodes } from '../assessment/emlList';

const factOrder = new Map(toolboxIndex.toolbox.facts.map((f, i) => [f.id, i]));

export function EmlSheet({ list, date, cite }: { list: EmlChecklist; date: string; cite: string }) {
  const data = toolboxIndex.toolbox.eml;
  if (!data) return null;
  const items = new Map(data.items.map((i) => [i.code, i]));
  const applies = list.items.filter((r) => r.status === 'applies');
  const toAsk = [...new Set(list.items.flatMap((r) => r.missingFacts))].sort((a, b) => (factOrder.get(a) ?? 0) - (factOrder.get(b) ?? 0));
  const done = emlCodes(list, 'done');
  const na = emlCodes(list, 'not-applicable');
  return (
    <section class="sheet-eml" aria-label={t('emlTitle')}>
      <h4>
        {t('emlTitle')} <span class="cite">{cite}</span>
      </h4>
      {list.duty === false ? (
        <p>{t('emlDutyNo', dutyThresholds(date))}</p>
      ) : (
        <>
          <p>
            {emlSummary(list)}
            {list.duty === null ? `. ${t('emlDutyUnknown')}` : ''}
          </p>
          {applies.length > 0 && (
            <ul class="sheet-verdicts">
              {applies.map((r) => (
                <li key={r.code} data-eml={r.code}>
                  <strong>{r.code}</strong> {tx(items.get(r.code)?.title)} <span class="muted">({emlMoment(items.get(r.code)!)})</span>
                </li>
              ))}
            </ul>
          )}
          {toAsk.length > 0 && (
            <p class="annex-reasons">
              {t('emlToAsk')}: {toAsk.map(factLabel).join(', ')}
            </p>
          )}
          {done.length + na.length > 0 && <p class="annex-reasons">{t('emlSheetOthers', { done: done.join(', ') || '–', na: na.join(', ') || '–' })}</p>}
        </>
      )}
    </section>
  );
}
