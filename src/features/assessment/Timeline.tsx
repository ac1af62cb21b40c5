/**
 * The plan as a timeline: a Gantt chart of HTML bars (each step from its earliest start to its
 * earliest end, the wait for a subsidy round dashed before it, the critical path hatched and
 * marked ◆), its table twin with weeks and dates, and each measure's earliest installation.
 * The chart is drawn for the eye; the table says the same to everyone (the chart is aria-hidden).
 */
import { dateAfterWeeks } from '../../engine/timeline';
import type { Assessment } from '../../engine/types';
import { formatDate, t } from '../../i18n';
import { IndicativeBadge } from '../../ui/common';
import { measureLabel, stepLabel } from '../../ui/labels';
import { axisTicks, timelineRows, type TimelineRow } from './timelineRows';

function waitText(row: TimelineRow): string {
  if (row.waitsFor === undefined) return '';
  return row.waitsFor === null ? t('timelineNoRound') : t('timelineWaitsForRound', { date: formatDate(row.waitsFor) });
}

export function Timeline({ assessment }: { assessment: Assessment }) {
  if (!assessment.plan.length) return null;
  const rows = timelineRows(assessment);
  const { weeks, weeksMax, installations, indicative } = assessment.timeline;
  const span = Math.max(1, weeks);
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">
        {t('timelineTitle')} {indicative && <IndicativeBadge />}
      </h3>
      <p>
        {t('timelineSummary', { weeks, date: formatDate(dateAfterWeeks(assessment.assessmentDate, weeks)), weeksMax })}
      </p>
      <p class="muted">{t('timelineLegend')}</p>
      <div class="gantt" aria-hidden="true" data-weeks={weeks}>
        {rows.map((row) => (
          <div key={row.stepId} class={`gantt-row${row.critical ? ' is-critical' : ''}`} data-step={row.stepId}>
            <span class="gantt-label">
              {/* No break between the mark, the weeks and the first word: a label never prints as a bare step title. */}
              {row.critical ? '◆\u00a0' : ''}
              <span class="gantt-weeks">
                {row.startWeek}–{row.endWeek}
              </span>
              {`\u00a0${stepLabel(row.stepId)}`}
            </span>
            <span class="gantt-track">
              {row.waitWidth > 0 && <span class="gantt-wait" style={{ left: `${row.waitLeft}%`, width: `${row.waitWidth}%` }} />}
              <span class="gantt-bar" data-start={row.startWeek} data-end={row.endWeek} style={{ left: `${row.left}%`, width: `${row.width}%` }} />
            </span>
          </div>
        ))}
        <div class="gantt-row gantt-axis">
          <span class="gantt-label">{t('timelineWeek')}</span>
          <span class="gantt-track">
            {axisTicks(weeks).map((w) => (
              <span key={w} class="gantt-tick" style={{ left: `${Math.round((w / span) * 10_000) / 100}%` }}>
                {w}
              </span>
            ))}
          </span>
        </div>
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="timeline-table-caption">
        <table class="data-table timeline-table">
          <caption id="timeline-table-caption">{t('timelineTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timelineStep')}</th>
              <th scope="col">{t('timelineStart')}</th>
              <th scope="col">{t('timelineEnd')}</th>
              <th scope="col">{t('timelineDates')}</th>
              <th scope="col">{t('timelineEndMax')}</th>
              <th scope="col">{t('timelineCritical')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.stepId} data-step={row.stepId}>
                <th scope="row">
                  {stepLabel(row.stepId)} {row.indicative && <IndicativeBadge />}
                  {row.waitsFor !== undefined && <div class="muted">{waitText(row)}</div>}
                </th>
                <td>{row.startWeek}</td>
                <td>{row.endWeek}</td>
                <td>
                  {formatDate(row.startDate)} – {formatDate(row.endDate)}
                </td>
                <td>{row.endWeekMax}</td>
                <td>{row.critical ? `◆ ${t('yes')}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {installations.length > 0 && (
        <>
          <h4 id="installations-title">{t('timelineInstallations')}</h4>
          <ul class="installations" aria-labelledby="installations-title">
            {installations.map((x) => (
              <li key={x.measureId} data-measure={x.measureId}>
                {measureLabel(x.measureId)}: {t('timelineInstallationAt', { week: x.startWeek, date: formatDate(rows.find((r) => r.stepId === x.stepId)!.startDate), step: stepLabel(x.stepId) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
