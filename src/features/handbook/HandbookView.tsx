/**
 * The toolbox as a handbook: a table of contents, every measure with its conditions in words (thresholds and
 * validity dates) and the facts each rests on, the steps and their required order with why, do's and don'ts, the
 * parameters, the sources and what their kind tags mean. Searchable, printable as one A4 document.
 */
import { action, signal } from '@preact/signals';
import { ruleFactIds } from '../../engine';
import type { Condition, Measure, Phase } from '../../engine/types';
import { formatDate, lang, t, tx, formatNumber } from '../../i18n';
import { SourceKindLegend, SourceKindTag, SourceList, toolboxIndex } from '../../ui/common';
import { HANDBOOK_SECTIONS as S, HandbookToc, measureAnchor } from './HandbookToc';
import { exprWords, handbookText, parameterValues } from './exprWords';
import { emlItemsMatching, HandbookEml } from './HandbookEml';
import { factLabel, stepLabel } from '../../ui/labels';

const query = signal('', { name: 'handbook-query' });
/** The view's one write: the search text. */
const search = action((text: string) => {
  query.value = text;
});
const toolbox = toolboxIndex.toolbox;

/** The facts a rule could read, directly or through calcs: the engine's own list (reasons[].factIds). */
function RuleFacts({ id }: { id: string }) {
  const facts = ruleFactIds(id);
  return facts.length > 0 ? (
    <div class="muted">
      {t('ruleFacts')}: {facts.map(factLabel).join(', ')}
    </div>
  ) : null;
}

function ConditionItem({ c, applicability }: { c: Condition; applicability?: boolean }) {
  const l = lang.value;
  return (
    <li>
      <span class="rule-id">{c.id}</span> {exprWords(c.test, l)}
      {c.when && (
        <>
          {' '}
          <em>
            ({t('onlyWhen')} {exprWords(c.when, l)})
          </em>
        </>
      )}
      <RuleFacts id={c.id} />
      {!applicability && (
        <div class="muted">
          {t('ifFails')}: {t(`status${c.onFail}` as never)}
          {c.resolvedBy?.length ? ` — ${t('resolvedByStep')} ${c.resolvedBy.map(stepLabel).join(', ')}` : ''}
          {c.onUnknown === 'conditional' ? ` · ${t('ifUnknown')}: ${(c.resolvedByWhenUnknown ?? c.resolvedBy ?? []).map(stepLabel).join(', ')}` : ''}. {handbookText(c.fix, l)}
        </div>
      )}
      <SourceList ids={c.sources} />
    </li>
  );
}

/** All searchable text of a measure in the current language. */
function measureText(m: Measure): string {
  const l = lang.value;
  return [tx(m.label), handbookText(m.summary, l), ...m.applies.map((c) => exprWords(c.test, l)), ...m.conditions.flatMap((c) => [exprWords(c.test, l), handbookText(c.fix, l), handbookText(c.text, l), c.id]), ...m.dos.map((a) => handbookText(a.text, l)), ...m.donts.map((a) => handbookText(a.text, l)), ...m.subsidies.map((s) => handbookText(s.text, l))]
    .join(' ')
    .toLowerCase();
}

function MeasureEntry({ m }: { m: Measure }) {
  const l = lang.value;
  return (
    <article class="card handbook-measure" id={measureAnchor(m.id)} tabIndex={-1}>
      <h3>
        {tx(m.label)} <span class="muted">({t(`scope${m.scope}` as never)})</span>
      </h3>
      <p>{handbookText(m.summary, l)}</p>
      {m.applies.length > 0 && (
        <>
          <h4>{t('appliesWhen')}</h4>
          <ul>
            {m.applies.map((c) => (
              <ConditionItem key={c.id} c={c} applicability />
            ))}
          </ul>
        </>
      )}
      {m.obligation && (
        <>
          <h4>{t('obligationWhen')}</h4>
          <p>
            <span class="rule-id">{m.obligation.id}</span> {exprWords(m.obligation.when, l)}. {handbookText(m.obligation.text, l)}
          </p>
          <RuleFacts id={m.obligation.id} />
          <SourceList ids={m.obligation.sources} />
        </>
      )}
      {m.conditions.length > 0 && (
        <>
          <h4>{t('conditionsTitle')}</h4>
          <ul>
            {m.conditions.map((c) => (
              <ConditionItem key={c.id} c={c} />
            ))}
          </ul>
        </>
      )}
      <h4>{t('stepsNeeded')}</h4>
      <ul>
        {m.steps.map((s) => (
          <li key={s.step}>
            {stepLabel(s.step)}
            {s.when && (
              <em>
                {' '}
                ({t('onlyWhen')} {exprWords(s.when, l)})
              </em>
            )}
          </li>
        ))}
      </ul>
      {m.dos.length > 0 && (
        <>
          <h4>{t('dosTitle')}</h4>
          <ul class="advice">
            {m.dos.map((a) => (
              <li key={a.id}>{handbookText(a.text, l)}</li>
            ))}
          </ul>
        </>
      )}
      {m.donts.length > 0 && (
        <>
          <h4>{t('dontsTitle')}</h4>
          <ul class="advice">
            {m.donts.map((a) => (
              <li key={a.id}>{handbookText(a.text, l)}</li>
            ))}
          </ul>
        </>
      )}
      {m.subsidies.length > 0 && (
        <>
          <h4>{t('subsidies')}</h4>
          <ul>
            {m.subsidies.map((s) => (
              <li key={s.scheme}>
                <strong>{s.scheme.toUpperCase()}</strong>: {handbookText(s.text, l)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('sources')}</h4>
      <SourceList ids={m.sources} />
    </article>
  );
}

export function HandbookView() {
  const q = query.value.trim().toLowerCase();
  const l = lang.value;
  const measures = toolbox.measures.filter((m) => !q || measureText(m).includes(q));
  const steps = toolbox.steps.filter((s) => !q || `${tx(s.label)} ${handbookText(s.description, l)} ${s.id}`.toLowerCase().includes(q));
  const parameters = toolbox.parameters.filter((p) => !q || `${tx(p.label)} ${p.id} ${parameterValues(p, l)}`.toLowerCase().includes(q));
  const sources = toolbox.sources.filter((s) => !q || `${s.title} ${s.publisher} ${s.url}`.toLowerCase().includes(q));
  const emlItems = emlItemsMatching(q);
  const nothing = !measures.length && !emlItems.length && !steps.length && !parameters.length && !sources.length;
  return (
    <div class="handbook">
      <header class="page-head">
        <div>
          <h1>{t('handbookTitle')}</h1>
          <p class="muted">
            {tx(toolbox.meta.title)} · {t('toolboxReleased', { date: formatDate(toolbox.meta.released), version: toolbox.meta.version })}
          </p>
        </div>
        <div class="actions no-print">
          <button type="button" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
      </header>
      <p>{t('handbookIntro')}</p>
      <div class="field no-print search">
        <label for="handbook-search">{t('handbookSearch')}</label>
        <input id="handbook-search" type="search" value={query.value} onInput={(e) => search(e.currentTarget.value)} />
      </div>
      {nothing && <p role="status">{t('noMatches', { q: query.value })}</p>}
      <HandbookToc measures={measures} eml={emlItems.length > 0} steps={steps.length > 0} params={parameters.length > 0} sources={sources.length > 0} />

      {measures.length > 0 && (
        <section aria-labelledby={S.measures}>
          <h2 id={S.measures} tabIndex={-1}>{t('handbookMeasures')}</h2>
          {measures.map((m) => (
            <MeasureEntry key={m.id} m={m} />
          ))}
        </section>
      )}

      <HandbookEml items={emlItems} />

      {steps.length > 0 && (
        <section aria-labelledby={S.steps} class="handbook-steps">
          <h2 id={S.steps} tabIndex={-1}>{t('handbookSteps')}</h2>
          {([1, 2, 3, 4, 5] as Phase[]).map((phase) => {
            const inPhase = steps.filter((s) => s.phase === phase).sort((a, b) => a.priority - b.priority);
            if (!inPhase.length) return null;
            return (
              <section key={phase}>
                <h3>{t(`phase${phase}` as never)}</h3>
                <ol class="steps">
                  {inPhase.map((s) => {
                    const before = toolboxIndex.edgesInto.get(s.id) ?? [];
                    return (
                      <li key={s.id} class="step" id={`hb-step-${s.id}`} data-step={s.id}>
                        <h4 class="step-title">{tx(s.label)}</h4>
                        <p>{handbookText(s.description, l)}</p>
                        {before.length > 0 && (
                          <ul class="why">
                            {before.map((e) => (
                              <li key={e.before}>
                                {t('mustFollow')} "{stepLabel(e.before)}": {handbookText(e.why, l)}
                                <SourceList ids={e.sources} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </section>
            );
          })}
        </section>
      )}

      {parameters.length > 0 && (
        <section aria-labelledby={S.params}>
          <h2 id={S.params} tabIndex={-1}>{t('handbookParameters')}</h2>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={S.params}>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('indicator')}</th>
                  <th scope="col">{t('valueLabel')}</th>
                  <th scope="col">{t('sources')}</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((p) => (
                  <tr key={p.id} id={`hb-param-${p.id}`}>
                    <th scope="row">{tx(p.label)}</th>
                    <td>
                      {parameterValues(p, l)}
                      {p.adjustable && (
                        <span class="muted">
                          {' '}
                          — {t('ownValuePossible', { min: formatNumber(p.adjustable.min, 3), max: formatNumber(p.adjustable.max, 3), unit: p.unit === '-' ? '' : ` ${p.unit}` })}
                        </span>
                      )}
                    </td>
                    <td>
                      <SourceList ids={[...new Set(p.values.flatMap((v) => v.sources))]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {sources.length > 0 && (
        <section aria-labelledby={S.sources}>
          <h2 id={S.sources} tabIndex={-1}>{t('handbookSources')}</h2>
          <ol class="source-list">
            {sources.map((s) => (
              <li key={s.id} id={`hb-src-${s.id}`}>
                <SourceKindTag kind={s.kind} /> {s.title} — {s.publisher}, {t('reportChecked', { date: formatDate(s.checked) })}.{' '}
                <a href={s.url} rel="noreferrer noopener" target="_blank">
                  {s.url}
                </a>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby={S.kinds}>
        <h2 id={S.kinds} tabIndex={-1}>
          {t('handbookKinds')}
        </h2>
        <p>{t('handbookKindsIntro')}</p>
        <SourceKindLegend />
      </section>
    </div>
  );
}
