/**
 * The EML checklist in the assessment: per building, folded to its name and counts ("3 van
 * toepassing, 2 onbekend"), then per category each recognised measure with its code, title,
 * when it is due, its status, the fact that decides it (a link to its field) or the facts still
 * to ask. A building outside the energy-saving duty says so and why. Bodies render only when open.
 */
import { formatValue, valueOn } from '../../engine';
import type { Assessment, EmlChecklist, EmlItem, EmlItemResult, EmlStatus, Terrain } from '../../engine/types';
import { lang, t, tx } from '../../i18n';
import { SourceList, toolboxIndex } from '../../ui/common';
import { buildingName, calcLabel, factLabel, measureLabel, optionLabel } from '../../ui/labels';
import { FactLinks } from './MeasureCard';
import { emlCounts, emlGroups } from './emlList';

/** The verdict colours the statuses share (their contrast is already checked). */
const BADGE: Record<EmlStatus, string> = { applies: 'conditional', unknown: 'needs-info', done: 'feasible', 'not-applicable': 'not-applicable' };

export const emlKey = (buildingId: string) => `eml-${buildingId}`;

/** The count words of a checklist, or that the duty does not apply. */
export function emlSummary(list: EmlChecklist): string {
  if (list.duty === false) return t('emlDutyNoShort');
  return emlCounts(list)
    .map((c) => t(`emlCount${c.status}` as never, { n: c.n }))
    .join(', ');
}

export function EmlStatusBadge({ status }: { status: EmlStatus }) {
  return <span class={`badge status-${BADGE[status]}`}>{t(`emlStatus${status}` as never)}</span>;
}

export function emlMoment(item: EmlItem): string {
  return item.momentInferred ? t('emlMomentInferred') : t(`emlMoment${item.moment}` as never);
}

/** The duty's thresholds on the assessment date, in words. */
function dutyThresholds(date: string): { kwh: string; m3: string } {
  const words = (id: string) => {
    const p = toolboxIndex.parameters.get(id);
    return p ? formatValue(valueOn(p, date)?.value ?? null, lang.value, p.unit) : id;
  };
  return { kwh: words('energySavingDutyKwh'), m3: words('energySavingDutyM3') };
}

export function EmlPanel({ terrain, assessment, isOpen, toggle }: { terrain: Terrain; assessment: Assessment; isOpen: (key: string) => boolean; toggle: (key: string) => (open: boolean) => void }) {
  const data = toolboxIndex.toolbox.eml;
  if (!data) return null;
  return (
    <>
      <p>{t('emlIntro', { version: data.version })}</p>
      {assessment.eml.map((list) => {
        const key = emlKey(list.buildingId);
        const open = isOpen(key);
        return (
          <section key={key} id={key} class="eml-building" aria-labelledby={`${key}-title`}>
            <details open={open} onToggle={(e) => toggle(key)((e.currentTarget as HTMLDetailsElement).open)}>
              <summary>
                <h3 id={`${key}-title`} class="inline">
                  {buildingName(terrain, list.buildingId)}: {emlSummary(list) || t('emlStatusunknown')}
                </h3>
              </summary>
              {open && <EmlBody terrain={terrain} assessment={assessment} list={list} />}
            </details>
          </section>
        );
      })}
      <SourceList ids={data.sources} />
    </>
  );
}

function EmlBody({ terrain, assessment, list }: { terrain: Terrain; assessment: Assessment; list: EmlChecklist }) {
  const data = toolboxIndex.toolbox.eml!;
  const duty = assessment.measures.find((m) => m.measureId === 'energy-saving' && m.buildingId === list.buildingId);
  if (list.duty === false)
    return (
      <>
        <p>{t('emlDutyNo', dutyThresholds(assessment.assessmentDate))}</p>
        <FactLinks label={t('determinedBy')} factIds={['electricityKwh', 'gasM3']} terrain={terrain} buildingId={list.buildingId} />
      </>
    );
  return (
    <>
      {list.duty === null && (
        <>
          <p>{t('emlDutyUnknown')}</p>
          {duty && duty.missingFacts.length > 0 && <FactLinks label={t('missingFacts')} factIds={duty.missingFacts} terrain={terrain} buildingId={list.buildingId} />}
        </>
      )}
      {list.items.length === 0 && <p>{t('emlNotInForce', { date: formatValue(data.validFrom, lang.value) })}</p>}
      {emlGroups(data, list).map((g) => (
        <section key={g.id} aria-labelledby={`${list.buildingId}-eml-${g.id}`}>
          <h4 id={`${list.buildingId}-eml-${g.id}`}>{tx(g.label)}</h4>
          <ul class="eml-items">
            {g.rows.map((r) => (
              <EmlRowItem key={r.item.code} item={r.item} result={r.result} terrain={terrain} buildingId={list.buildingId} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function EmlRowItem({ item, result, terrain, buildingId }: { item: EmlItem; result: EmlItemResult; terrain: Terrain; buildingId: string }) {
  const l = lang.value;
  return (
    <li class="eml-item">
      <p>
        <strong>{item.code}</strong> {tx(item.title)}
      </p>
      <p class="badges">
        <EmlStatusBadge status={result.status} /> <span class="muted">{emlMoment(item)}</span>
      </p>
      {result.factId && (
        <p class="observed">
          {factLabel(result.factId)}: <strong>{formatValue(result.observed, l, toolboxIndex.facts.get(result.factId)?.unit, optionLabel(result.factId))}</strong>
        </p>
      )}
      {result.calcId && (
        <p class="observed">
          {calcLabel(result.calcId)}: <strong>{formatValue(result.observed, l, toolboxIndex.calcs.get(result.calcId)?.unit)}</strong>
        </p>
      )}
      {result.factId && <FactLinks label={t('determinedBy')} factIds={[result.factId]} terrain={terrain} buildingId={buildingId} />}
      {result.missingFacts.length > 0 && <FactLinks label={t('emlToAsk')} factIds={result.missingFacts} terrain={terrain} buildingId={buildingId} />}
      {item.link && <p class="muted">{t('emlLinked', { measure: measureLabel(item.link.measure), rule: item.link.rule })}</p>}
    </li>
  );
}
