/** Small shared pieces: in-app links, status badges, source lists and the legend of their kind tags. */
import { fillParamsOn, indexToolbox, bundledToolbox } from '../engine';
import type { SourceKind, Status, Text } from '../engine/types';
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
          <SourceKindTag kind={s.kind} />{' '}
          <a href={s.url} rel="noreferrer noopener" target="_blank">
            {s.title}
          </a>{' '}
          <span class="publisher">({s.publisher})</span>
        </li>
      ))}
    </ul>
  );
}

/** The kinds of source in the order the legend explains them (a kind missing here is a type error). */
const KIND_ORDER: Record<SourceKind, number> = { WET: 0, NET: 1, VERZ: 2, SUB: 3, GP: 4, INFO: 5 };
const kindWords = (kind: SourceKind): string => t(`kind${kind}` as never);

/** A source's kind tag ("WET"), its meaning on hover; the legend says it for every reader. */
export function SourceKindTag({ kind }: { kind: SourceKind }) {
  return (
    <abbr class={`kind kind-${kind}`} title={kindWords(kind)}>
      {kind}
    </abbr>
  );
}

/** What the tags WET, NET, VERZ, SUB, GP and INFO mean, for the kinds of these sources (default: all the toolbox cites). */
export function SourceKindLegend({ sourceIds }: { sourceIds?: readonly string[] }) {
  const cited = sourceIds ? sourceIds.flatMap((id) => toolboxIndex.sources.get(id) ?? []) : toolboxIndex.toolbox.sources;
  const kinds = [...new Set(cited.map((s) => s.kind))].sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);
  return (
    <dl class="kind-legend">
      {kinds.map((k) => (
        <div key={k}>
          <dt>
            <span class={`kind kind-${k}`}>{k}</span>
          </dt>
          <dd>{kindWords(k)}</dd>
        </div>
      ))}
    </dl>
  );
}
