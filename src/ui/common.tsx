/** Small shared pieces: in-app links, status badges, source lists. */
import { fillParamsOn, indexToolbox, bundledToolbox } from '../engine';
import type { Status, Text } from '../engine/types';
import { lang, t, tx } from '../i18n';

export const toolboxIndex = indexToolbox(bundledToolbox);

/** A toolbox text in the UI language, its {param:<id>} placeholders filled with the values on an assessment's date. */
export function dataText(text: Text | undefined, date: string): string {
  return text ? fillParamsOn(tx(text), lang.value, toolboxIndex.parameters, date) : '';
}

export { Link } from './Link';

export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge status-${status}`}>{t(`status${status}` as never)}</span>;
}

export function IndicativeBadge() {
  return (
    <span class="badge badge-indicative" title={t('indicativeHelp')}>
      {t('indicative')}
    </span>
  );
}

/** Source references by id: title, publisher and link (links open only when the person chooses). */
export function SourceList({ ids }: { ids: string[] }) {
  const sources = ids.map((id) => toolboxIndex.sources.get(id)).filter((s) => s !== undefined);
  if (!sources.length) return null;
  return (
    <ul class="sources">
      {sources.map((s) => (
        <li key={s.id}>
          <span class={`kind kind-${s.kind}`}>{s.kind}</span>{' '}
          <a href={s.url} rel="noreferrer noopener" target="_blank">
            {s.title}
          </a>{' '}
          <span class="publisher">({s.publisher})</span>
        </li>
      ))}
    </ul>
  );
}
