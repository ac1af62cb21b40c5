/**
 * The handbook's EML section: the recognised measures the app checks per building, by
 * category, each with RVO's code, title, when it is due, when it applies and when it counts
 * as done (in words), or the rule it follows (GH1), and the list's sources once.
 */
import type { EmlItem } from '../../engine/types';
import { formatDate, lang, t, tx } from '../../i18n';
import { SourceList, toolboxIndex } from '../../ui/common';
import { measureLabel } from '../../ui/labels';
import { emlMoment } from '../assessment/EmlChecklist';
import { HANDBOOK_SECTIONS as S } from './HandbookToc';
import { exprWords } from './exprWords';

/** All searchable text of an item in the current language. */
function itemText(item: EmlItem): string {
  const l = lang.value;
  return `${item.code} ${tx(item.title)} ${item.situation ? exprWords(item.situation, l) : ''} ${item.done ? exprWords(item.done, l) : ''}`.toLowerCase();
}

/** The items matching the search text (all when it is empty). */
export const emlItemsMatching = (q: string): EmlItem[] => (toolboxIndex.toolbox.eml?.items ?? []).filter((i) => !q || itemText(i).includes(q));

export function HandbookEml({ items }: { items: EmlItem[] }) {
  const data = toolboxIndex.toolbox.eml;
  if (!data || !items.length) return null;
  const l = lang.value;
  const sources = [...new Set([...data.sources, ...items.flatMap((i) => i.sources)])];
  return (
    <section aria-labelledby={S.eml}>
      <h2 id={S.eml} tabIndex={-1}>
        {t('emlTitle')}
      </h2>
      <p>
        {t('emlHandbookIntro')} {data.version}, {t('validFrom', { date: formatDate(data.validFrom) })}.
      </p>
      {data.categories.map((c) => {
        const inCategory = items.filter((i) => i.category === c.id);
        if (!inCategory.length) return null;
        return (
          <section key={c.id} aria-labelledby={`hb-eml-${c.id}`}>
            <h3 id={`hb-eml-${c.id}`}>{tx(c.label)}</h3>
            <ul class="eml-items">
              {inCategory.map((i) => (
                <li key={i.code} class="eml-item" id={`hb-eml-${i.code}`}>
                  <p>
                    <strong>{i.code}</strong> {tx(i.title)} <span class="muted">({emlMoment(i)})</span>
                  </p>
                  {i.situation && (
                    <p>
                      {t('emlSituation')}: {exprWords(i.situation, l)}
                    </p>
                  )}
                  {i.done && (
                    <p>
                      {t('emlDone')}: {exprWords(i.done, l)}
                    </p>
                  )}
                  {i.link && <p>{t('emlLinked', { measure: measureLabel(i.link.measure), rule: i.link.rule })}</p>}
                  <p class="muted">{t('emlChecked', { date: formatDate(i.checked) })}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <SourceList ids={sources} />
    </section>
  );
}
