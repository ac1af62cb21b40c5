/**
 * The adviser's report, a hand-out laid out for A4: a cover (terrain, date, toolbox version, the
 * adviser), a summary of at most two pages (the matrix, the totals, next questions, the terrain
 * as one grid), one sheet per company each on a new page (also printable alone:
 * ?gebouw=<id>), the do's and don'ts that apply, once, and exactly the sources it cites.
 * The cover and summary render at once, the sheets in idle slices; printing waits for all.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { adviser, hrefs } from '../../state';
import type { Assessment, Terrain } from '../../engine/types';
import { dateAfterWeeks } from '../../engine/timeline';
import { formatDate, lang, t } from '../../i18n';
import { Link, SourceKindLegend, toolboxIndex } from '../../ui/common';
import { OwnValuesUsed } from '../editor/OwnValues';
import { TerrainGate } from '../../ui/TerrainGate';
import { GridPanel, gridSourceIds } from '../../ui/GridPanel';
import { buildingName, factLabel } from '../../ui/labels';
import { Matrix, Totals } from '../assessment/Glance';
import { AdviserForm } from './AdviserForm';
import { citeText, reportContent, type ReportContent } from './content';
import { CompanySheet } from './Sheet';
import { useSlices } from './slices';

/** Building columns per printed matrix table (an A4 page's width). */
const MATRIX_COLUMNS = 12;

function Cover({ terrain, assessment, company }: { terrain: Terrain; assessment: Assessment; company?: string }) {
  const a = adviser.adviser.value;
  const adviserLines = [a.name, a.organisation, a.contact].filter(Boolean);
  const fact = (label: string, value: string | number) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section class="report-cover">
      <p class="report-kicker">{t('reportSubtitle')}</p>
      <h1>
        {t('reportTitle')}: {terrain.name}
      </h1>
      <dl class="cover-facts">
        {company && fact(t('sheetCompany'), company)}
        {terrain.municipality && fact(t('fieldMunicipality'), terrain.municipality)}
        {terrain.postcode4 && fact(t('fieldPostcode'), terrain.postcode4)}
        {fact(t('fieldDate'), formatDate(assessment.assessmentDate))}
        {!company && fact(t('buildingsSection'), terrain.buildings.length)}
        {adviserLines.length > 0 && fact(t('adviserTitle'), adviserLines.join(' · '))}
      </dl>
      <p class="muted">{t('reportGenerated', { date: formatDate(new Date().toISOString()), version: assessment.toolboxVersion })}</p>
      <p class="muted">{t('reportDisclaimer')}</p>
    </section>
  );
}

/** Two pages at most: the matrix, the totals and the next questions; then the terrain as one grid. */
function Summary({ terrain, assessment, numbers, withGrid }: { terrain: Terrain; assessment: Assessment; numbers: Map<string, number>; withGrid: boolean }) {
  const { weeks, weeksMax } = assessment.timeline;
  return (
    <section class="report-section report-summary">
      <h2>{t('reportSummary')}</h2>
      <Matrix terrain={terrain} assessment={assessment} groupSize={MATRIX_COLUMNS} />
      <Totals assessment={assessment} />
      {assessment.plan.length > 0 && <p>{t('timelineSummary', { weeks, date: formatDate(dateAfterWeeks(assessment.assessmentDate, weeks)), weeksMax })}</p>}
      <OwnValuesUsed assessment={assessment} headingLevel={3} />
      {assessment.nextQuestions.length > 0 && (
        <>
          <h3>{t('nextQuestions')}</h3>
          <ol class="report-questions">
            {assessment.nextQuestions.slice(0, 5).map((q) => (
              <li key={q.factId}>
                {factLabel(q.factId)}
                {q.scope === 'building' && `: ${q.buildingIds.map((id) => buildingName(terrain, id)).join(', ')}`} ({t('nextQuestionDecides', { n: q.count })})
              </li>
            ))}
          </ol>
        </>
      )}
      {withGrid && (
        <div class="summary-grid">
          <GridPanel assessment={assessment} terrain={terrain} cite={(ids) => citeText(numbers, ids)} />
        </div>
      )}
    </section>
  );
}

function Advice({ content }: { content: ReportContent }) {
  const l = lang.value;
  const list = (items: ReportContent['advice']['dos']) => (
    <ul class="advice">
      {items.map((a) => (
        <li key={a.id}>
          {l === 'nl' ? a.text : a.textEn} <span class="cite">{citeText(content.numbers, a.sourceIds)}</span>
        </li>
      ))}
    </ul>
  );
  if (!content.advice.dos.length && !content.advice.donts.length) return null;
  return (
    <section class="report-section report-advice">
      <h2>{t('dosAndDonts')}</h2>
      <div class="advice-columns">
        <h3>{t('dosTitle')}</h3>
        {list(content.advice.dos)}
        <h3>{t('dontsTitle')}</h3>
        {list(content.advice.donts)}
      </div>
    </section>
  );
}

/** The cited sources by number; the date most of them were checked on is said once, another date at its source. */
function Sources({ content }: { content: ReportContent }) {
  const sources = content.sources.map((id) => toolboxIndex.sources.get(id));
  const dates = new Map<string, number>();
  for (const s of sources) if (s) dates.set(s.checked, (dates.get(s.checked) ?? 0) + 1);
  const common = [...dates].sort((a, b) => b[1] - a[1])[0]?.[0];
  return (
    <section class="report-section report-sources">
      <h2>{t('reportSources')}</h2>
      {common && <p class="muted">{t('reportCheckedMost', { date: formatDate(common) })}</p>}
      <ol class="source-list">
        {sources.map((s, i) => (
          <li key={content.sources[i]} data-source={content.sources[i]}>
            {s ? (
              <>
                {s.title} — {s.publisher} [{s.kind}]{s.checked === common ? '' : `, ${t('reportChecked', { date: formatDate(s.checked) })}`}. <span class="url">{s.url}</span>
              </>
            ) : (
              content.sources[i]
            )}
          </li>
        ))}
      </ol>
      <SourceKindLegend sourceIds={content.sources} />
    </section>
  );
}

/** `buildingId`: the report of one company (its sheet, its advice, its sources). */
export function ReportBody({ terrain, assessment, buildingId, printAsked = false, onPrinted }: { terrain: Terrain; assessment: Assessment; buildingId?: string; printAsked?: boolean; onPrinted?: () => void }) {
  const content = useMemo(() => reportContent(terrain, assessment, buildingId, buildingId ? [] : gridSourceIds(assessment)), [terrain, assessment, buildingId]);
  const shown = useSlices(content.sheets.length, printAsked);
  const complete = shown >= content.sheets.length;
  useEffect(() => {
    if (complete && printAsked) {
      onPrinted?.();
      window.print();
    }
  }, [complete, printAsked]);
  const company = buildingId ? buildingName(terrain, buildingId) : undefined;
  return (
    <article class="report" data-complete={complete ? 'true' : 'false'}>
      <Cover terrain={terrain} assessment={assessment} company={company} />
      {/* The grid's page comes with the first slice: the first page is the cover and the matrix. */}
      {!buildingId && <Summary terrain={terrain} assessment={assessment} numbers={content.numbers} withGrid={shown > 0 || complete} />}
      {content.sheets.slice(0, shown).map((s) => (
        <CompanySheet key={s.buildingId ?? ''} sheet={s} terrain={terrain} numbers={content.numbers} printLink={!buildingId} />
      ))}
      {complete && <Advice content={content} />}
      {complete && <Sources content={content} />}
      {!complete && <p class="no-print muted" role="status">{t('reportRendering', { n: shown, total: content.sheets.length })}</p>}
    </article>
  );
}

export function ReportView({ id, buildingId }: { id: string; buildingId?: string }) {
  const [printAsked, setPrintAsked] = useState(false);
  useEffect(() => void adviser.load(), []);
  return (
    <TerrainGate id={id} title={t('report')}>
      {(terrain, assessment) => {
        const known = !buildingId || terrain.buildings.some((b) => b.id === buildingId);
        return (
          <>
            <div class="actions no-print report-actions">
              <button type="button" onClick={() => setPrintAsked(true)}>
                {t('print')}
              </button>
              {buildingId && (
                <Link class="button secondary" href={hrefs.report(id)}>
                  {t('wholeReport')}
                </Link>
              )}
              <Link class="button secondary" href={hrefs.assessment(id)}>
                {t('assessmentTitle')}
              </Link>
            </div>
            <AdviserForm />
            {known ? (
              <ReportBody key={buildingId ?? ''} terrain={terrain} assessment={assessment} buildingId={buildingId} printAsked={printAsked} onPrinted={() => setPrintAsked(false)} />
            ) : (
              <p>{t('buildingNotFound')}</p>
            )}
          </>
        );
      }}
    </TerrainGate>
  );
}
