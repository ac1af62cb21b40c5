/**
 * One company's sheet of the report, starting on a new page: who (the survey), its duties, what
 * it can do with the business case, what cannot yet and why (what holds or fails; what waits
 * for a fact is listed as what to find out), its own steps in plan order with
 * their weeks from the assessment date, its notes, and the place of its photos. Each printed reason carries
 * the numbers of its sources in the report's list (the facts it rests on are the assessment's,
 * with links to their fields; a hand-out leaves them out).
 */
import { BuildingPhotos } from '../../ui/Photos';
import type { Building, MeasureResult, Terrain } from '../../engine/types';
import { formatDate, formatNumber, lang, t, tx } from '../../i18n';
import { businessFigures } from '../../ui/BusinessCase';
import { Link, StatusBadge } from '../../ui/common';
import { factLabel, measureLabel, stepLabel } from '../../ui/labels';
import { SURVEY_FIELDS } from '../../ui/survey';
import { hrefs } from '../../state';
import { citeText, EML_SOURCES, printedReasons, sheetVerdicts, type Sheet } from './content';
import { EmlSheet } from './EmlSheet';

function Verdict({ m, numbers }: { m: MeasureResult; numbers: Map<string, number> }) {
  const l = lang.value;
  const f = m.business && businessFigures(m.business);
  const reasons = printedReasons(m);
  return (
    <li class="sheet-verdict">
      <p class="sheet-verdict-head">
        <strong>{measureLabel(m.measureId)}</strong> <StatusBadge status={m.status} />
        {m.obligation === true && <span class="badge badge-duty">{t('obligation')}</span>}
        {m.obligation === null && <span class="badge badge-duty-unknown">{t('obligationUnknown')}</span>}
      </p>
      {f && (m.status === 'feasible' || m.status === 'conditional') && (
        <p class="report-business">
          {m.potential?.kwp ? `${t('potential')} ${formatNumber(m.potential.kwp)} kWp · ` : ''}
          {t('investment')} {f.investment} · {t('savingsPerYear')} {f.savings} · {t('payback')} {f.payback}
          {m.business!.indicative ? ` (${t('indicative')})` : ''}
        </p>
      )}
      {reasons.length > 0 && (
        <ul class="annex-reasons">
          {reasons.map((r) => (
            <li key={r.ruleId}>
              {l === 'nl' ? r.text : r.textEn}
              {r.indicative ? ` (${t('indicative')})` : ''} <span class="cite">{citeText(numbers, r.sourceIds)}</span>
            </li>
          ))}
        </ul>
      )}
      {m.missingFacts.length > 0 && (
        <p class="annex-reasons">
          {t('sheetFindOut')}: {m.missingFacts.map(factLabel).join(', ')}
        </p>
      )}
    </li>
  );
}

function Group({ title, items, numbers }: { title: string; items: MeasureResult[]; numbers: Map<string, number> }) {
  if (!items.length) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul class="sheet-verdicts">
        {items.map((m) => (
          <Verdict key={m.measureId} m={m} numbers={numbers} />
        ))}
      </ul>
    </>
  );
}

/** Who the company is, from the building's survey (only what was filled in). */
function Company({ building }: { building: Building }) {
  const fields = SURVEY_FIELDS.filter((f) => f.key !== 'notes' && building.survey?.[f.key]);
  if (!fields.length) return null;
  return (
    <dl class="sheet-company">
      {fields.map((f) => (
        <div key={f.key}>
          <dt>{tx(f.label)}</dt>
          <dd>{f.input === 'date' ? formatDate(building.survey![f.key]!) : building.survey![f.key]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CompanySheet({ sheet, terrain, numbers, printLink }: { sheet: Sheet; terrain: Terrain; numbers: Map<string, number>; printLink: boolean }) {
  const building = sheet.buildingId ? terrain.buildings.find((b) => b.id === sheet.buildingId) : undefined;
  const name = building ? (building.survey?.companyName ? `${building.survey.companyName} — ${building.name}` : building.name) : t('reportTerrainLevel');
  const id = `sheet-${sheet.buildingId ?? 'terrain'}`;
  return (
    <section class="report-section company-sheet" aria-labelledby={id} data-building={sheet.buildingId ?? ''}>
      <h2 id={id}>
        {building ? t('sheetTitle', { name }) : name}
      </h2>
      {building && printLink && (
        <p class="no-print">
          <Link href={hrefs.report(terrain.id, building.id)}>{t('printThisCompany')}</Link>
        </p>
      )}
      {building && <Company building={building} />}
      {sheetVerdicts(sheet).length === 0 && <p>{t('sheetNothing')}</p>}
      <Group title={t('reportObligations')} items={sheet.duties} numbers={numbers} />
      <Group title={t('sheetPossible')} items={sheet.possible} numbers={numbers} />
      <Group title={t('sheetNotYet')} items={sheet.notYet} numbers={numbers} />
      {sheet.eml && <EmlSheet list={sheet.eml} cite={citeText(numbers, EML_SOURCES)} />}
      {sheet.steps.length > 0 && (
        <>
          <h4>{t('sheetSteps')}</h4>
          <ol class="sheet-steps">
            {sheet.steps.map((p) => (
              <li key={p.stepId} data-step={p.stepId}>
                {p.critical ? '◆ ' : ''}
                {stepLabel(p.stepId)}{' '}
                <span class="muted step-weeks">{t('sheetStepWhen', { start: p.startWeek, end: p.endWeek })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {building?.survey?.notes && (
        <>
          <h4>{t('sheetNotes')}</h4>
          <p class="sheet-notes">{building.survey.notes}</p>
        </>
      )}
      {building && <BuildingPhotos terrainId={terrain.id} buildingId={building.id} buildingName={name} />}
    </section>
  );
}
