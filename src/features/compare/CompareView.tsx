/**
 * Compare pilot terrains: pick two to ten (from a search when there are many: the chosen ones and
 * one page of the rest are shown, so the picker does not grow with a province), see a table of indicators per terrain (also per
 * building and per m² of floor), charts that answer a question (where a euro achieves most,
 * where the grid blocks most; each with its table twin), and download two CSVs for Dutch
 * Excel: one row per terrain, and one per building.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BLOCKER_KINDS, co2PerKEur, indicatorsFor, type TerrainIndicators } from './indicators';
import { buildingCsv, terrainCsv } from './csv';
import { ChartWithTable } from './ChartWithTable';
import { IndicatorTable } from './IndicatorTable';
import { KIND_COLORS, SERIES_COLORS, STATUS_COLORS } from '../../ui/palette';
import { formatNumber, lang, t } from '../../i18n';
import { assessment, terrains } from '../../state';
import { STATUS_ORDER } from '../../ui/labels';
import { saveFile } from '../../ui/saveFile';
import { PAGE_SIZE, searchList } from '../list/listQuery';

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

export function CompareView() {
  const list = terrains.list.value;
  useEffect(() => selected.startWith(list.map((x) => x.id)), [list.length]);
  // The compared terrains are read in full; the rest of the list stays summaries.
  const ids = selected.ids.value;
  useEffect(() => ids.forEach((id) => void terrains.open(id).catch(() => undefined)), [ids]);
  const [query, setQuery] = useState('');
  const many = list.length > PAGE_SIZE;
  const shown = useMemo(() => {
    if (!many) return list;
    const rest = searchList(list, query, 'date').filter((x) => !ids.includes(x.id));
    return [...list.filter((x) => ids.includes(x.id)), ...rest.slice(0, PAGE_SIZE)];
  }, [list, query, ids, many]);
  if (!terrains.loaded.value) return <p>{t('loading')}</p>;
  const rows = indicators.value;
  const names = rows.map((r) => r.name);
  const locale = lang.value === 'nl' ? 'nl-NL' : 'en-GB';
  const day = new Date().toISOString().slice(0, 10);
  const count = (v: number | null) => (v === null ? t('unknown') : formatNumber(v));
  const kw = (v: number | null) => (v === null ? t('unknown') : `${formatNumber(Math.round(v))} kW`);
  return (
    <div class="compare">
      <h1>{t('compareTitle')}</h1>
      <p class="intro">{t('compareIntro', { max: MAX_COMPARE })}</p>
      <fieldset class="card pick">
        <legend>{t('comparePick')}</legend>
        {list.length === 0 && <p>{t('noTerrains')}</p>}
        {many && (
          <div class="field">
            <label for="compare-search">{t('listSearch')}</label>
            <input id="compare-search" type="search" value={query} autoComplete="off" onInput={(e) => setQuery(e.currentTarget.value)} />
            <p class="muted" role="status">
              {t('comparePickShown', { shown: shown.length, all: list.length })}
            </p>
          </div>
        )}
        <ul class="pick-list">
          {shown.map((x) => {
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
            <button type="button" onClick={() => saveFile({ name: `vergelijking-terreinen-${day}.csv`, contents: terrainCsv(rows), type: 'text/csv;charset=utf-8' })}>
              {t('downloadCsv')}
            </button>
            <button type="button" onClick={() => saveFile({ name: `vergelijking-gebouwen-${day}.csv`, contents: buildingCsv(rows), type: 'text/csv;charset=utf-8' })}>
              {t('downloadBuildingCsv')}
            </button>
          </div>
          <IndicatorTable indicators={rows} />
          <p class="muted">{t('compareMethod')}</p>
          <div class="charts">
            <ChartWithTable
              id="chart-per-euro"
              title={t('chartPerEuro')}
              cell={(v) => (v === null ? t('unknown') : formatNumber(v, 0))}
              spec={{ labels: names, stacked: false, yTitle: t('co2PerKEur'), locale, datasets: [{ label: t('co2PerKEur'), data: rows.map((r) => roundOrNull(co2PerKEur(r))), color: SERIES_COLORS.perEuro }] }}
            />
            <ChartWithTable
              id="chart-grid"
              title={t('chartGridShort')}
              cell={kw}
              spec={{
                labels: names,
                stacked: false,
                yTitle: 'kW',
                locale,
                datasets: [
                  { label: t('offtakeShort'), data: rows.map((r) => Math.round(r.offtakeShortKw)), color: SERIES_COLORS.offtakeShort },
                  { label: t('feedInShort'), data: rows.map((r) => Math.round(r.feedInShortKw)), color: SERIES_COLORS.feedInShort },
                ],
              }}
            />
            <ChartWithTable
              id="chart-blockers"
              title={t('chartBlockers')}
              cell={count}
              spec={{ labels: names, stacked: true, yTitle: t('chartCount'), locale, datasets: BLOCKER_KINDS.map((k) => ({ label: t(`kind${k}` as never), data: rows.map((r) => r.blockers[k]), color: KIND_COLORS[k] })) }}
            />
            <ChartWithTable
              id="chart-status"
              title={t('chartStatus')}
              cell={count}
              spec={{ labels: names, stacked: true, yTitle: t('chartCount'), locale, datasets: STATUS_ORDER.map((s) => ({ label: t(`status${s}` as never), data: rows.map((r) => r.byStatus[s]), color: STATUS_COLORS[s] })) }}
            />
          </div>
        </>
      )}
    </div>
  );
}

const roundOrNull = (v: number | null): number | null => (v === null ? null : Math.round(v));
