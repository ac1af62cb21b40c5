/**
 * The EML block of a company sheet: the counts, the recognised measures that apply (code,
 * title, when due), the codes still unknown (their questions are in the assessment and the
 * walk), and the codes already done or not applicable, on a few lines (the report keeps to its
 * page budget). Printed for a sheet whose checklist has an item that applies (content.ts).
 */
import type { EmlChecklist } from '../../engine/types';
import { t, tx } from '../../i18n';
import { toolboxIndex } from '../../ui/common';
import { emlMoment, emlSummary } from '../assessment/EmlChecklist';
import { emlCodes } from '../assessment/emlList';

export function EmlSheet({ list, cite }: { list: EmlChecklist; cite: string }) {
  const data = toolboxIndex.toolbox.eml;
  if (!data) return null;
  const items = new Map(data.items.map((i) => [i.code, i]));
  const applies = list.items.filter((r) => r.status === 'applies');
  const unknown = emlCodes(list, 'unknown');
  const done = emlCodes(list, 'done');
  const na = emlCodes(list, 'not-applicable');
  const others = [done.length ? t('emlSheetDone', { codes: done.join(', ') }) : '', na.length ? t('emlSheetNa', { codes: na.join(', ') }) : '', unknown.length ? t('emlSheetUnknown', { codes: unknown.join(', ') }) : ''];
  return (
    <section class="sheet-eml" aria-label={t('emlTitle')}>
      <h4>
        {t('emlTitle')} <span class="cite">{cite}</span>: {emlSummary(list)}
        {list.duty === null ? ` (${t('emlDutyUnknownShort')})` : ''}
      </h4>
      {applies.length > 0 && (
        <ul class="sheet-verdicts">
          {applies.map((r) => (
            <li key={r.code} data-eml={r.code}>
              <strong>{r.code}</strong> {tx(items.get(r.code)?.title)} <span class="muted">({emlMoment(items.get(r.code)!)})</span>
            </li>
          ))}
        </ul>
      )}
      <p class="annex-reasons">{others.filter(Boolean).join(' ')}</p>
    </section>
  );
}
