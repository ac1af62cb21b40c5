/** The assessment of one terrain: measures by status with reasons and sources, the ordered plan, next questions, do's and don'ts. */
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
import { STATUS_ORDER } from '../../ui/labels';


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

function AssessmentBody({ id, terrain, assessment }: { id: string; terrain: StoredTerrain; assessment: Assessment }) {
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

      <section aria-labelledby="next-title" class="card">
        <h2 id="next-title">{t('nextQuestions')}</h2>
        <NextQuestions assessment={assessment} terrain={terrain} />
      </section>

      <section aria-labelledby="measures-title">
        <h2 id="measures-title">{t('measuresTitle')}</h2>
        {STATUS_ORDER.map((status) => {
          const list = assessment.measures.filter((m) => m.status === status);
          if (!list.length) return null;
          const body = list.map((m) => <MeasureCard key={`${m.measureId}-${m.buildingId ?? ''}`} result={m} terrain={terrain} />);
          return (
            <section key={status} class="status-group" aria-labelledby={`group-${status}`}>
              {status === 'not-applicable' ? (
                <details>
                  <summary>
                    <h3 id={`group-${status}`} class="inline">
                      <StatusBadge status={status} /> {list.length === 1 ? t('countMeasuresOne') : t('countMeasures', { n: list.length })}
                    </h3>
                  </summary>
                  {body}
                </details>
              ) : (
                <>
                  <h3 id={`group-${status}`}>
                    <StatusBadge status={status} /> {list.length === 1 ? t('countMeasuresOne') : t('countMeasures', { n: list.length })}
                  </h3>
                  {body}
                </>
              )}
            </section>
          );
        })}
      </section>

      <GridPanel assessment={assessment} terrain={terrain} />

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('planTitle')}</h2>
        <Timeline assessment={assessment} />
        <PlanList assessment={assessment} terrain={terrain} />
      </section>

      <div class="two-col">
        <section aria-labelledby="dos-title" class="card">
          <h2 id="dos-title">{t('dosTitle')}</h2>
          <AdviceList items={assessment.dos} id="dos" />
        </section>
        <section aria-labelledby="donts-title" class="card">
          <h2 id="donts-title">{t('dontsTitle')}</h2>
          <AdviceList items={assessment.donts} id="donts" />
        </section>
      </div>
    </div>
  );
}
