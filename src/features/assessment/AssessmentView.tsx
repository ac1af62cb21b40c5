/**
 * The assessment of one terrain. First the answer at a glance (the matrix and the totals), then
 * the measure cards by status, folded, with filters; the next questions, the grid, the plan and
 * the do's and don'ts each one tap away in a fold. What is open and filtered is kept in the
 * history entry, so Back and a reload return to the page as it was.
 */
import { hrefs } from '../../state';
import type { AdviceResult, Assessment } from '../../engine/types';
import { formatDate, lang, t, tx } from '../../i18n';
import type { StoredTerrain } from '../../state';
import { Link, SourceList, StatusBadge, toolboxIndex } from '../../ui/common';
import { MeasureCard } from './MeasureCard';
import { NextQuestions } from '../editor/NextQuestions';
import { OwnValuesUsed } from '../editor/OwnValues';
import { PlanList } from './PlanList';
import { Timeline } from './Timeline';
import { TerrainGate } from '../../ui/TerrainGate';
import { GridPanel } from '../../ui/GridPanel';
import { measureLabel, STATUS_ORDER } from '../../ui/labels';
import { isStringList, useHistoryState } from '../../ui/historyState';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Matrix, Totals } from './Glance';
import { EmlPanel } from './EmlChecklist';
import { matchesFilter, NO_FILTER, verdictKey, type CardFilter } from './glance';
import type { Status } from '../../engine/types';


function AdviceList({ items, id }: { items: AdviceResult[]; id: string }) {
  return (
    <ul class="advice" id={id}>
      {items.map((a) => (
        <li key={a.id}>
          {lang.value === 'nl' ? a.text : a.textEn}
          <SourceList ids={a.sourceIds} />
        </li>
      ))}
    </ul>
  );
}

export function AssessmentView({ id }: { id: string }) {
  return (
    <TerrainGate id={id} title={t('assessmentTitle')}>
      {(terrain, assessment) => <AssessmentBody id={id} terrain={terrain} assessment={assessment} />}
    </TerrainGate>
  );
}

const isFilter = (v: unknown): v is CardFilter => !!v && typeof v === 'object' && ['building', 'status', 'kind'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

/** A section folded to its heading; its content is rendered only while open. */
function Fold({ id, title, open, onToggle, children }: { id: string; title: string; open: boolean; onToggle: (open: boolean) => void; children: ComponentChildren }) {
  return (
    <section id={id} class="fold" aria-labelledby={`${id}-title`}>
      <details open={open} onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id={`${id}-title`} class="inline">
            {title}
          </h2>
        </summary>
        {open && children}
      </details>
    </section>
  );
}

function Filters({ terrain, assessment, filter, onChange }: { terrain: StoredTerrain; assessment: Assessment; filter: CardFilter; onChange: (f: CardFilter) => void }) {
  const kinds = [...new Set(assessment.measures.map((m) => m.measureId))];
  const select = (key: keyof CardFilter, label: string, options: [string, string][]) => (
    <div>
      <label for={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: (e.currentTarget as HTMLSelectElement).value })}>
        <option value="">{t('filterAll')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div class="filters">
      {select('building', t('filterBuilding'), [['terrain', t('terrainLevel')], ...terrain.buildings.map((b): [string, string] => [b.id, b.name])])}
      {select('status', t('status'), STATUS_ORDER.map((s): [string, string] => [s, t(`status${s}` as never)]))}
      {select('kind', t('measure'), [['duty', t('filterDuties')], ...kinds.map((k): [string, string] => [k, measureLabel(k)])])}
    </div>
  );
}

const FOLDS = ['next', 'eml', 'grid', 'plan', 'advice'] as const;
/** The status groups of cards are folded too (the matrix is the overview); a filter or a matrix cell opens them. */
const groupKey = (status: Status) => `group-${status}`;

function AssessmentBody({ id, terrain, assessment }: { id: string; terrain: StoredTerrain; assessment: Assessment }) {
  const [open, setOpen] = useHistoryState<string[]>('assessmentOpen', [], isStringList);
  const [filter, setFilter] = useHistoryState<CardFilter>('assessmentFilter', NO_FILTER, isFilter);
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(target);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
    setTarget(null);
  }, [target]);
  const isOpen = (key: string) => open.includes(key);
  const toggle = (key: string) => (now: boolean) => setOpen((cur) => (now ? (cur.includes(key) ? cur : [...cur, key]) : cur.filter((k) => k !== key)));
  /** A matrix cell: show its card (clearing a filter that hides it), open it and bring it into view. */
  const openCard = (key: string) => {
    const m = assessment.measures.find((x) => verdictKey(x) === key);
    if (m && !matchesFilter(m, filter)) setFilter(() => NO_FILTER);
    const keys = m ? [key, groupKey(m.status)] : [key];
    setOpen((cur) => [...cur.filter((k) => !keys.includes(k)), ...keys]);
    setTarget(`card-${key}`);
  };
  /** A new choice shows its cards: every status group opens. */
  const changeFilter = (f: CardFilter) => {
    setFilter(() => f);
    setOpen((cur) => [...cur.filter((k) => !k.startsWith('group-')), ...STATUS_ORDER.map(groupKey)]);
  };
  const jump = (fold: string) => {
    if (fold !== 'measures') toggle(fold)(true);
    setTarget(fold);
  };
  const shown = assessment.measures.filter((m) => matchesFilter(m, filter));
  const foldTitle: Record<(typeof FOLDS)[number], string> = { next: t('nextQuestions'), eml: t('emlTitle'), grid: t('gridTitle'), plan: t('planTitle'), advice: t('dosAndDonts') };
  return (
    <div class="assessment">
      <header class="page-head">
        <div>
          <h1>
            {t('assessmentTitle')}: {terrain.name}
          </h1>
          <p class="muted">{t('assessmentMeta', { date: formatDate(assessment.assessmentDate), version: assessment.toolboxVersion })}</p>
        </div>
        <nav class="actions" aria-label={t('assessmentTitle')}>
          <Link class="button secondary" href={hrefs.editor(id)}>
            {t('toEditor')}
          </Link>
          <Link class="button secondary" href={hrefs.report(id)}>
            {t('report')}
          </Link>
        </nav>
      </header>

      {assessment.inputIssues.length > 0 && (
        <section class="card warning" aria-labelledby="issues-title">
          <h2 id="issues-title">{t('inputIssues')}</h2>
          <ul>
            {assessment.inputIssues.map((issue, i) => (
              <li key={i}>
                {tx(issue.parameter ? toolboxIndex.parameters.get(issue.factId)?.label : toolboxIndex.facts.get(issue.factId)?.label)}
                {issue.buildingId && ` (${terrain.buildings.find((b) => b.id === issue.buildingId)?.name ?? issue.buildingId})`}: {lang.value === 'nl' ? issue.message : issue.messageEn}
              </li>
            ))}
          </ul>
        </section>
      )}

      {assessment.ownValues.length > 0 && (
        <div class="card">
          <OwnValuesUsed assessment={assessment} />
        </div>
      )}

      <section aria-labelledby="glance-title" class="card glance">
        <h2 id="glance-title">{t('glanceTitle')}</h2>
        <Matrix terrain={terrain} assessment={assessment} onOpen={openCard} />
        <Totals assessment={assessment} />
      </section>

      <nav class="jump" aria-label={t('jumpTo')}>
        {(['measures', ...FOLDS] as const).map((f) => (
          <button key={f} type="button" class="secondary" aria-controls={f} onClick={() => jump(f)}>
            {f === 'measures' ? t('measuresTitle') : foldTitle[f]}
          </button>
        ))}
      </nav>

      <Fold id="next" title={foldTitle.next} open={isOpen('next')} onToggle={toggle('next')}>
        <NextQuestions assessment={assessment} terrain={terrain} />
      </Fold>

      <section id="measures" aria-labelledby="measures-title">
        <h2 id="measures-title">{t('measuresTitle')}</h2>
        <Filters terrain={terrain} assessment={assessment} filter={filter} onChange={changeFilter} />
        {shown.length === 0 && <p>{t('filterNone')}</p>}
        {STATUS_ORDER.map((status) => {
          const list = shown.filter((m) => m.status === status);
          if (!list.length) return null;
          const group = groupKey(status);
          return (
            <section key={status} class="status-group" aria-labelledby={`group-${status}`}>
              <details open={isOpen(group)} onToggle={(e) => toggle(group)((e.currentTarget as HTMLDetailsElement).open)}>
                <summary>
                  <h3 id={`group-${status}`} class="inline">
                    <StatusBadge status={status} /> {list.length === 1 ? t('countMeasuresOne') : t('countMeasures', { n: list.length })}
                  </h3>
                </summary>
                {isOpen(group) &&
                  list.map((m) => {
                    const key = verdictKey(m);
                    return <MeasureCard key={key} result={m} terrain={terrain} open={isOpen(key)} onToggle={toggle(key)} />;
                  })}
              </details>
            </section>
          );
        })}
      </section>

      <Fold id="eml" title={foldTitle.eml} open={isOpen('eml')} onToggle={toggle('eml')}>
        <EmlPanel terrain={terrain} assessment={assessment} isOpen={isOpen} toggle={toggle} />
      </Fold>

      <Fold id="grid" title={foldTitle.grid} open={isOpen('grid')} onToggle={toggle('grid')}>
        <GridPanel assessment={assessment} terrain={terrain} heading={false} />
      </Fold>

      <Fold id="plan" title={foldTitle.plan} open={isOpen('plan')} onToggle={toggle('plan')}>
        <Timeline assessment={assessment} />
        <PlanList assessment={assessment} terrain={terrain} />
      </Fold>

      <Fold id="advice" title={foldTitle.advice} open={isOpen('advice')} onToggle={toggle('advice')}>
        <div class="two-col">
          <section aria-labelledby="dos-title" class="card">
            <h3 id="dos-title">{t('dosTitle')}</h3>
            <AdviceList items={assessment.dos} id="dos" />
          </section>
          <section aria-labelledby="donts-title" class="card">
            <h3 id="donts-title">{t('dontsTitle')}</h3>
            <AdviceList items={assessment.donts} id="donts" />
          </section>
        </div>
      </Fold>
    </div>
  );
}
