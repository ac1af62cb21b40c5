/**
 * Compare pilot terrains: pick two to ten, see a table of indicators and chart.js charts
 * (each with its data as a table beside it), and download a CSV for Dutch Excel.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { BLOCKER_KINDS, indicatorsFor, type TerrainIndicators } from './indicators';
import { toCsv } from './csv';
import type { BarChartSpec } from './charts';
import { formatNumber, lang, t } from '../../i18n';
import { assessment, terrains } from '../../state';
import { toolboxIndex } from '../../ui/common';
import { calcLabel, STATUS_ORDER } from '../../ui/labels';
import { saveFile } from '../../ui/saveFile';
import { GRID_FIGURES } from '../../ui/gridFigures';
import { sumText } from '../../ui/GridPanel';

export const MAX_COMPARE = 10;
/** How many terrains are selected when the view opens with none. */
const FIRST_SELECTED = 3;

/** The view's own state: which terrains are compared (ids, in the order picked). */
interface CompareSelection {
  ids: ReadonlySignal<string[]>;
  /** Selects the first terrains when none is selected, so the view is never empty when there is data. */
  startWith(ids: string[]): void;
  toggle(id: string, on: boolean): void;
}
const CompareSelection = createModel<CompareSelection>(() => {
  const ids = signal<string[]>([], { name: 'compare-selection' });
  return {
    ids,
    startWith(first) {
      if (ids.value.length === 0 && first.length > 0) ids.value = first.slice(0, Math.min(FIRST_SELECTED, MAX_COMPARE));
    },
    toggle(id, on) {
      ids.value = (on ? [...ids.value, id] : ids.value.filter((x) => x !== id)).slice(0, MAX_COMPARE);
    },
  };
});
const selected = new CompareSelection();

const indicators = computed<TerrainIndicators[]>(() => {
  const e = assessment.engine.value;
  if (!e) return [];
  const byId = terrains.byId.value;
  return selected.ids.value
    .map((id) => byId.get(id))
    .filter((x) => x !== undefined)
    .map((terrain) => indicatorsFor(terrain, e.assess(terrain)));
});

const STATUS_COLORS: Record<string, string> = { feasible: '#1b6e35', conditional: '#b36b00', blocked: '#a4161a', 'needs-info': '#5b3f99', 'not-applicable': '#8a939e' };
const KIND_COLORS: Record<string, string> = { grid: '#0b5cad', roof: '#8a5300', insurance: '#a4161a', organisation: '#1b6e35', law: '#12324f', info: '#5b3f99' };

function congestionLabel(value: string | null, factId: string): string {
  if (!value) return t('unknown');
  const option = toolboxIndex.facts.get(factId)?.options?.find((o) => o.value === value);
  return option ? option.label[lang.value] : value;
}

function ChartWithTable({ id, title, spec }: { id: string; title: string; spec: BarChartSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let destroy: (() => void) | null = null;
    let cancelled = false;
    void import('./charts').then(({ drawBarChart }) => {
      if (!cancelled && canvas.current) destroy = drawBarChart(canvas.current, spec);
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [JSON.stringify(spec)]);
  return (
    <figure class="chart card" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      <div class="chart-box">
        <canvas ref={canvas} id={id} role="img" aria-label={`${title}: ${t('chartTableBelow')}`} />
      </div>
      <table class="data-table">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('terrain')}</th>
            {spec.datasets.map((d) => (
              <th scope="col" key={d.label}>
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.labels.map((label, i) => (
            <tr key={label + i}>
              <th scope="row">{label}</th>
              {spec.datasets.map((d) => (
                <td key={d.label}>{formatNumber(d.data[i])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The CSV of the compared terrains, one row per terrain. */
export function compareCsv(rows: TerrainIndicators[]): string {
  const header = [
    t('terrain'),
    t('fieldMunicipality'),
    t('buildingsSection'),
    `${calcLabel('pvKwp')} (kWp)`,
    `${calcLabel('pvKwhPerYear')} (MWh)`,
    ...STATUS_ORDER.map((s) => t(`status${s}` as never)),
    t('obligationsOpen'),
    ...BLOCKER_KINDS.map((k) => `${t('blockers')}: ${t(`kind${k}` as never)}`),
    t('congestionOfftakeShort'),
    t('congestionFeedInShort'),
    ...GRID_FIGURES.map((f) => `${t(f.key)} (kW)`),
    t('gridComplete'),
  ];
  return toCsv([
    header,
    ...rows.map((r) => [
      r.name,
      r.municipality,
      r.buildings,
      r.pvKwp,
      r.pvMwhPerYear,
      ...STATUS_ORDER.map((s) => r.byStatus[s]),
      r.obligations,
      ...BLOCKER_KINDS.map((k) => r.blockers[k]),
      congestionLabel(r.congestionOfftake, 'congestionOfftake'),
      congestionLabel(r.congestionFeedIn, 'congestionFeedIn'),
      ...GRID_FIGURES.map((f) => Math.round(f.sum(r.grid).kw)),
      r.grid.incomplete ? t('no') : t('yes'),
    ]),
  ]);
}

export function CompareView() {
  const list = terrains.list.value;
  useEffect(() => selected.startWith(list.map((x) => x.id)), [list.length]);
  // The compared terrains are read in full; the rest of the list stays summaries.
  const ids = selected.ids.value;
  useEffect(() => ids.forEach((id) => void terrains.open(id).catch(() => undefined)), [ids]);
  if (!terrains.loaded.value) return <p>{t('loading')}</p>;
  const rows = indicators.value;
  const names = rows.map((r) => r.name);
  const locale = lang.value === 'nl' ? 'nl-NL' : 'en-GB';
  return (
    <div class="compare">
      <h1>{t('compareTitle')}</h1>
      <p class="intro">{t('compareIntro', { max: MAX_COMPARE })}</p>
      <fieldset class="card pick">
        <legend>{t('comparePick')}</legend>
        {list.length === 0 && <p>{t('noTerrains')}</p>}
        <ul class="pick-list">
          {list.map((x) => {
            const checked = selected.ids.value.includes(x.id);
            return (
              <li key={x.id}>
                <label>
                  <input type="checkbox" checked={checked} disabled={!checked && selected.ids.value.length >= MAX_COMPARE} onChange={(e) => selected.toggle(x.id, e.currentTarget.checked)} /> {x.name}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {rows.length < 2 ? (
        <p role="status">{t('comparePickMore')}</p>
      ) : (
        <>
          <div class="actions">
            <button type="button" onClick={() => saveFile({ name: `vergelijking-terreinen-${new Date().toISOString().slice(0, 10)}.csv`, contents: compareCsv(rows), type: 'text/csv;charset=utf-8' })}>
              {t('downloadCsv')}
            </button>
          </div>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="indicator-table-caption">
            <table class="data-table indicators">
              <caption id="indicator-table-caption">{t('indicatorTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicator')}</th>
                  {rows.map((r) => (
                    <th scope="col" key={r.terrainId}>
                      {r.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{calcLabel('pvKwp')}</th>
                  {rows.map((r) => (
                    <td key={r.terrainId}>{formatNumber(r.pvKwp)} kWp</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{calcLabel('pvKwhPerYear')}</th>
                  {rows.map((r) => (
                    <td key={r.terrainId}>
                      {formatNumber(r.pvMwhPerYear)} {t('mwhPerYear')}
                    </td>
                  ))}
                </tr>
                {STATUS_ORDER.map((s) => (
                  <tr key={s}>
                    <th scope="row">{t(`status${s}` as never)}</th>
                    {rows.map((r) => (
                      <td key={r.terrainId}>{r.byStatus[s]}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('obligationsOpen')}</th>
                  {rows.map((r) => (
                    <td key={r.terrainId}>{r.obligations}</td>
                  ))}
                </tr>
                {BLOCKER_KINDS.map((k) => (
                  <tr key={k}>
                    <th scope="row">
                      {t('blockers')}: {t(`kind${k}` as never)}
                    </th>
                    {rows.map((r) => (
                      <td key={r.terrainId}>{r.blockers[k]}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('congestionOfftakeShort')}</th>
                  {rows.map((r) => (
                    <td key={r.terrainId}>{congestionLabel(r.congestionOfftake, 'congestionOfftake')}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t('congestionFeedInShort')}</th>
                  {rows.map((r) => (
                    <td key={r.terrainId}>{congestionLabel(r.congestionFeedIn, 'congestionFeedIn')}</td>
                  ))}
                </tr>
                {GRID_FIGURES.map((f) => (
                  <tr key={f.key}>
                    <th scope="row">{t(f.key)}</th>
                    {rows.map((r) => (
                      <td key={r.terrainId}>{sumText(f.sum(r.grid))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="charts">
            <ChartWithTable
              id="chart-status"
              title={t('chartStatus')}
              spec={{ labels: names, stacked: true, yTitle: t('chartCount'), locale, datasets: STATUS_ORDER.map((s) => ({ label: t(`status${s}` as never), data: rows.map((r) => r.byStatus[s]), color: STATUS_COLORS[s] })) }}
            />
            <ChartWithTable id="chart-pv" title={t('chartPv')} spec={{ labels: names, stacked: false, yTitle: 'kWp', locale, datasets: [{ label: calcLabel('pvKwp'), data: rows.map((r) => r.pvKwp), color: '#b36b00' }] }} />
            <ChartWithTable
              id="chart-blockers"
              title={t('chartBlockers')}
              spec={{ labels: names, stacked: true, yTitle: t('chartCount'), locale, datasets: BLOCKER_KINDS.map((k) => ({ label: t(`kind${k}` as never), data: rows.map((r) => r.blockers[k]), color: KIND_COLORS[k] })) }}
            />
          </div>
        </>
      )}
    </div>
  );
}
