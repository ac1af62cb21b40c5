/**
 * One measure verdict, folded to its heading and badges until opened: then status, duty,
 * potential, business case, every reason with observed/expected value, the facts it rests on
 * (links to their fields), fix, steps and sources. Its body is rendered only while open.
 */
import { Fragment } from 'preact';
import { hrefs } from '../../state';
import { formatRequirement, formatValue } from '../../engine';
import type { MeasureResult, Reason, Terrain } from '../../engine/types';
import { lang, t, tx } from '../../i18n';
import { BusinessCase, potentialText } from '../../ui/BusinessCase';
import { IndicativeBadge, Link, SourceList, StatusBadge, toolboxIndex } from '../../ui/common';
import { fieldDomId } from '../editor/FactField';
import { calcLabel, factLabel, measureById, optionLabel } from '../../ui/labels';
import { verdictKey } from './glance';

function unitOf(reason: Reason): string | undefined {
  return reason.factId ? toolboxIndex.facts.get(reason.factId)?.unit : undefined;
}

/** Facts as links to their fields in the editor: a building fact to this verdict's building (a terrain verdict: the first building), a terrain fact to the terrain card. */
export function FactLinks({ label, factIds, terrain, buildingId }: { label: string; factIds: string[]; terrain: Terrain; buildingId: string | undefined }) {
  return (
    <p class="facts">
      <span class="label">{label}:</span>{' '}
      {factIds.map((f, i) => {
        const scope = toolboxIndex.facts.get(f)?.scope === 'building' ? (buildingId ?? terrain.buildings[0]?.id ?? '') : 'terrain';
        return (
          <Fragment key={f}>
            {i > 0 && ', '}
            <Link href={hrefs.editor(terrain.id, fieldDomId(scope, f))}>{factLabel(f)}</Link>
          </Fragment>
        );
      })}
    </p>
  );
}

function ReasonItem({ reason, result, terrain }: { reason: Reason; result: MeasureResult; terrain: Terrain }) {
  const l = lang.value;
  const label = optionLabel(reason.factId);
  const subject = reason.factId ? factLabel(reason.factId) : reason.calcId ? calcLabel(reason.calcId) : null;
  // A calculated value that is only known as a maximum shows that maximum, never a bare "onbekend".
  const bound = reason.observed === null ? result.quantities.find((q) => q.id === reason.calcId && q.upperBound) : undefined;
  const buildingId = result.buildingId;
  return (
    <li class={`reason reason-${reason.outcome}`}>
      <p>
        {l === 'nl' ? reason.text : reason.textEn} {reason.indicative && <IndicativeBadge />}
      </p>
      {subject && reason.expected && (
        <p class="observed">
          {subject}: {t('observed')}{' '}
          <strong>
            {bound
              ? t('upTo', { value: formatValue(bound.value, l, bound.unit) })
              : reason.observedAtLeast
                ? t('atLeast', { value: formatValue(reason.observed, l, unitOf(reason)) })
                : formatValue(reason.observed, l, unitOf(reason), label)}
          </strong>
          , {t('expected')}{' '}
          <strong>{formatRequirement(reason.expected, l, unitOf(reason), label)}</strong>
        </p>
      )}
      {reason.factIds.length > 0 && <FactLinks label={t('determinedBy')} factIds={reason.factIds} terrain={terrain} buildingId={buildingId} />}
      {(reason.fix || reason.fixEn) && (
        <p class="fix">
          <span class="label">{t('fix')}:</span> {l === 'nl' ? reason.fix : reason.fixEn}
        </p>
      )}
      {reason.resolvedBy.length > 0 && (
        <p class="fix">
          <span class="label">{t('resolvedBy')}:</span> {reason.resolvedBy.map((s) => tx(toolboxIndex.steps.get(s)?.label)).join('; ')}
        </p>
      )}
      <details class="source-details">
        <summary>
          {t('sources')} ({reason.ruleId})
        </summary>
        <SourceList ids={reason.sourceIds} />
      </details>
    </li>
  );
}

export function MeasureCard({ result, terrain, open, onToggle }: { result: MeasureResult; terrain: Terrain; open: boolean; onToggle: (open: boolean) => void }) {
  const measure = measureById(result.measureId);
  const building = result.buildingId ? terrain.buildings.find((b) => b.id === result.buildingId) : undefined;
  const key = verdictKey(result);
  return (
    <article id={`card-${key}`} class={`card measure status-border-${result.status}`} aria-labelledby={`m-${key}`}>
      <details open={open} onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
        <summary class="measure-head">
          <h3 id={`m-${key}`}>
            {tx(measure?.label)} <span class="muted">— {building ? building.name : t('terrainLevel')}</span>
          </h3>
          <span class="badges">
            <StatusBadge status={result.status} />
            {result.obligation === true && <span class="badge badge-duty">{t('obligation')}</span>}
            {result.obligation === null && <span class="badge badge-duty-unknown">{t('obligationUnknown')}</span>}
            {result.indicative && <IndicativeBadge />}
          </span>
        </summary>
        {open && <CardBody result={result} terrain={terrain} />}
      </details>
    </article>
  );
}

function CardBody({ result, terrain }: { result: MeasureResult; terrain: Terrain }) {
  const l = lang.value;
  return (
    <>
      {result.potential && result.potential.kwp !== null && (
        <p class="potential">
          {t('potential')}: <strong>{potentialText(result.potential)}</strong>
        </p>
      )}
      {result.business && <BusinessCase business={result.business} />}
      {result.reasons.length > 0 && (
        <ul class="reasons">
          {result.reasons.map((r) => (
            <ReasonItem key={r.ruleId} reason={r} result={result} terrain={terrain} />
          ))}
        </ul>
      )}
      {result.missingFacts.length > 0 && <FactLinks label={t('missingFacts')} factIds={result.missingFacts} terrain={terrain} buildingId={result.buildingId} />}
      {result.quantities.some((q) => q.value !== null) && (
        <details class="quantities">
          <summary>{t('quantities')}</summary>
          <dl>
            {result.quantities
              .filter((q) => q.value !== null)
              .map((q) => (
                <div key={q.id}>
                  <dt>{calcLabel(q.id)}</dt>
                  <dd>
                    {formatValue(q.value, l, q.unit)} {q.indicative && <IndicativeBadge />}
                  </dd>
                </div>
              ))}
          </dl>
        </details>
      )}
      {result.subsidies.length > 0 && (
        <details class="subsidies">
          <summary>{t('subsidies')}</summary>
          <ul>
            {result.subsidies.map((s) => (
              <li key={s.scheme}>
                <strong>{s.scheme.toUpperCase()}</strong>: {t(`subsidy${s.status}` as never)} {s.indicative && <IndicativeBadge />}
                <br />
                <span class="muted">{l === 'nl' ? s.text : s.textEn}</span>
                <SourceList ids={s.sourceIds} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
