/**
 * The adviser's report, laid out for A4 print: cover, one-page summary, the plan in
 * required order with why, the do's and don'ts that apply here, a per-building annex
 * (each reason with the facts it rests on) and the sources. Page breaks keep a step with its text.
 */
import { hrefs } from '../../state';
import { indicatorsFor } from '../compare/indicators';
import type { Assessment, MeasureResult, Terrain } from '../../engine/types';
import { formatDate, formatNumber, lang, t } from '../../i18n';
import { Link, StatusBadge, toolboxIndex } from '../../ui/common';
import { OwnValuesUsed } from '../editor/OwnValues';
import { PlanList } from '../assessment/PlanList';
import { Timeline } from '../assessment/Timeline';
import { TerrainGate } from '../../ui/TerrainGate';
import { businessFigures, potentialText, valueLabels } from '../../ui/BusinessCase';
import { GridPanel, gridSourceIds } from '../../ui/GridPanel';
import { buildingName, factLabel, measureLabel, STATUS_ORDER } from '../../ui/labels';


/** Every source the report cites, in order of title. */
function citedSources(assessment: Assessment): string[] {
  const ids = new Set<string>();
  for (const m of assessment.measures) {
    if (m.status === 'not-applicable') continue;
    m.reasons.forEach((r) => r.sourceIds.forEach((s) => ids.add(s)));
    m.subsidies.forEach((s) => s.sourceIds.forEach((x) => ids.add(x)));
  }
  assessment.plan.forEach((p) => p.reasons.forEach((r) => r.sourceIds.forEach((s) => ids.add(s))));
  [...assessment.dos, ...assessment.donts].forEach((a) => a.sourceIds.forEach((s) => ids.add(s)));
  gridSourceIds(assessment).forEach((s) => ids.add(s));
  return [...ids].filter((id) => toolboxIndex.sources.has(id)).sort((a, b) => toolboxIndex.sources.get(a)!.title.localeCompare(toolboxIndex.sources.get(b)!.title));
}

/** The business case in one line of the annex, with "indicatief" and the values it used. */
function ReportBusiness({ business }: { business: NonNullable<MeasureResult['business']> }) {
  const f = businessFigures(business);
  return (
    <div class="muted report-business">
      {t('investment')} {f.investment} · {t('savingsPerYear')} {f.savings} · {t('payback')} {f.payback}
      {business.indicative ? ` (${t('indicative')})` : ''}
      <div>
        {t('valuesUsed')}: {valueLabels(business).join('; ')}
      </div>
    </div>
  );
}

function AnnexTable({ results }: { results: MeasureResult[] }) {
  const l = lang.value;
  return (
    <table class="data-table annex-table">
      <thead>
        <tr>
          <th scope="col">{t('measure')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('reasons')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((m) => (
          <tr key={m.measureId}>
            <th scope="row">
              {measureLabel(m.measureId)}
              {m.obligation === true && m.status !== 'not-applicable' && (
                <>
                  {' '}
                  <span class="badge badge-duty">{t('obligation')}</span>
                </>
              )}
            </th>
            <td>
              <StatusBadge status={m.status} />
              {m.potential?.kwp ? <div class="muted">{potentialText(m.potential)}</div> : null}
              {m.business && <ReportBusiness business={m.business} />}
            </td>
            <td>
              <ul class="annex-reasons">
                {m.reasons.map((r) => (
                  <li key={r.ruleId}>
                    {l === 'nl' ? r.text : r.textEn}
                    {r.indicative ? ` (${t('indicative')})` : ''}
                    {r.factIds.length > 0 && (
                      // The space keeps the sentence and the facts apart in the text too (copy, PDF text).
                      <>
                        {' '}
                        <div class="muted">
                          {t('determinedBy')}: {r.factIds.map(factLabel).join(', ')}
                        </div>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportBody({ terrain, assessment }: { terrain: Terrain; assessment: Assessment }) {
  const l = lang.value;
  const ind = indicatorsFor(terrain, assessment);
  const duties = assessment.measures.filter((m) => m.obligation === true && m.status !== 'not-applicable');
  const sources = citedSources(assessment);
  return (
    <article class="report">
      <section class="report-cover">
        <p class="report-kicker">{t('reportSubtitle')}</p>
        <h1>
          {t('reportTitle')}: {terrain.name}
        </h1>
        <dl class="cover-facts">
          {terrain.municipality && (
            <div>
              <dt>{t('fieldMunicipality')}</dt>
              <dd>{terrain.municipality}</dd>
            </div>
          )}
          {terrain.postcode4 && (
            <div>
              <dt>{t('fieldPostcode')}</dt>
              <dd>{terrain.postcode4}</dd>
            </div>
          )}
          <div>
            <dt>{t('fieldDate')}</dt>
            <dd>{formatDate(assessment.assessmentDate)}</dd>
          </div>
          <div>
            <dt>{t('buildingsSection')}</dt>
            <dd>{terrain.buildings.length}</dd>
          </div>
        </dl>
        <p class="muted">{t('reportGenerated', { date: formatDate(new Date().toISOString()), version: assessment.toolboxVersion })}</p>
        <p class="muted">{t('reportDisclaimer')}</p>
      </section>

      <section class="report-section report-summary">
        <h2>{t('reportSummary')}</h2>
        <ul class="status-counts">
          {STATUS_ORDER.filter((s) => ind.byStatus[s] > 0).map((s) => (
            <li key={s}>
              <StatusBadge status={s} /> <strong>{ind.byStatus[s]}</strong>
            </li>
          ))}
        </ul>
        <p>
          {t('reportPvTotal')}: <strong>{formatNumber(ind.pvKwp)} kWp</strong> · <strong>{formatNumber(ind.pvMwhPerYear)} {t('mwhPerYear')}</strong>
        </p>
        <OwnValuesUsed assessment={assessment} headingLevel={3} />
        <h3>{t('reportObligations')}</h3>
        {duties.length === 0 ? (
          <p>{t('reportNoObligations')}</p>
        ) : (
          <ul>
            {duties.map((m) => (
              <li key={`${m.measureId}-${m.buildingId ?? ''}`}>
                {measureLabel(m.measureId)} — {buildingName(terrain, m.buildingId)}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('nextQuestions')}</h3>
        <ol>
          {assessment.nextQuestions.slice(0, 5).map((q) => (
            <li key={q.factId}>
              {factLabel(q.factId)} ({t('nextQuestionDecides', { n: q.count })})
            </li>
          ))}
        </ol>
      </section>

      <section class="report-section">
        <h2>{t('planTitle')}</h2>
        <Timeline assessment={assessment} />
        <PlanList assessment={assessment} terrain={terrain} />
      </section>

      <section class="report-section">
        <h2>{t('dosTitle')}</h2>
        <ul class="advice">
          {assessment.dos.map((a) => (
            <li key={a.id}>{l === 'nl' ? a.text : a.textEn}</li>
          ))}
        </ul>
        <h2>{t('dontsTitle')}</h2>
        <ul class="advice">
          {assessment.donts.map((a) => (
            <li key={a.id}>{l === 'nl' ? a.text : a.textEn}</li>
          ))}
        </ul>
      </section>

      <div class="report-section">
        <GridPanel assessment={assessment} terrain={terrain} />
      </div>

      <section class="report-section">
        <h2>{t('reportAnnex')}</h2>
        <h3>{t('reportTerrainLevel')}</h3>
        <AnnexTable results={assessment.measures.filter((m) => !m.buildingId)} />
        {terrain.buildings.map((b) => (
          <section key={b.id} class="annex-building">
            <h3>{b.name}</h3>
            <AnnexTable results={assessment.measures.filter((m) => m.buildingId === b.id)} />
          </section>
        ))}
      </section>

      <section class="report-section">
        <h2>{t('reportSources')}</h2>
        <ol class="source-list">
          {sources.map((id) => {
            const s = toolboxIndex.sources.get(id)!;
            return (
              <li key={id}>
                {s.title} — {s.publisher} [{s.kind}], {t('reportChecked', { date: formatDate(s.checked) })}. <span class="url">{s.url}</span>
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

export function ReportView({ id }: { id: string }) {
  return (
    <TerrainGate id={id} title={t('report')}>
      {(terrain, assessment) => (
        <>
          <div class="actions no-print report-actions">
            <button type="button" onClick={() => window.print()}>
              {t('print')}
            </button>
            <Link class="button secondary" href={hrefs.assessment(id)}>
              {t('assessmentTitle')}
            </Link>
          </div>
          <ReportBody terrain={terrain} assessment={assessment} />
        </>
      )}
    </TerrainGate>
  );
}
