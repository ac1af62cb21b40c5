/**
 * The indicator table of the compare view: a row per indicator, a column per terrain. The rows
 * are data (label and cell text), so the table says each figure once; "ten minste" marks a sum
 * with an unknown part, "indicatief" a figure resting on an UNCONFIRMED value.
 */
import type { ComponentChildren } from 'preact';
import { co2PerKEur, BLOCKER_KINDS, type TerrainIndicators, type Total } from './indicators';
import { formatNumber, t } from '../../i18n';
import { IndicativeBadge } from '../../ui/common';
import { congestionText } from './csv';
import { calcLabel, STATUS_ORDER } from '../../ui/labels';
import { GRID_FIGURES } from '../../ui/gridFigures';
import { sumText } from '../../ui/GridPanel';

/** A total in words: "ten minste …" when some part is unknown. */
export const totalText = (total: Total | null, text: (v: number) => string): string => (total === null ? t('unknown') : total.complete ? text(total.value) : t('gridAtLeast', { value: text(total.value) }));
export const euroText = (v: number): string => `€\u00a0${formatNumber(Math.round(v), 0)}`;
export const tonnesText = (kg: number): string => `${formatNumber(kg / 1000)} ${t('tonnesCo2PerYear')}`;
const kgText = (kg: number): string => `${formatNumber(kg)} ${t('kgCo2PerYear')}`;
const kwText = (kw: number): string => `${formatNumber(Math.round(kw))} kW`;
const perM2 = (r: TerrainIndicators, v: number): number | null => (r.floorArea.m2 > 0 ? v / r.floorArea.m2 : null);
const orUnknown = (v: number | null, text: (v: number) => string): string => (v === null ? t('unknown') : text(v));

interface Row {
  key: string;
  label: ComponentChildren;
  cell: (r: TerrainIndicators) => string;
}

function rows(indicative: boolean): Row[] {
  const co2Label = (text: string) => (indicative ? [text, ' ', <IndicativeBadge key="i" />] : text);
  const pv = calcLabel('pvKwp');
  const co2 = t('co2Reduction');
  return [
    { key: 'pv', label: pv, cell: (r) => `${formatNumber(r.pvKwp)} kWp` },
    { key: 'mwh', label: calcLabel('pvKwhPerYear'), cell: (r) => `${formatNumber(r.pvMwhPerYear)} ${t('mwhPerYear')}` },
    { key: 'pv-building', label: t('perBuildingOf', { what: pv }), cell: (r) => (r.buildings ? `${formatNumber(r.pvKwp / r.buildings)} kWp` : t('unknown')) },
    { key: 'pv-m2', label: t('perM2Of', { what: pv }), cell: (r) => orUnknown(perM2(r, r.floorArea.pvKwp * 1000), (v) => `${formatNumber(v)} Wp`) },
    { key: 'co2', label: co2Label(co2), cell: (r) => totalText(r.co2KgPerYear, tonnesText) },
    { key: 'co2-building', label: co2Label(t('perBuildingOf', { what: co2 })), cell: (r) => totalText(r.co2KgPerYear && r.buildings ? { ...r.co2KgPerYear, value: r.co2KgPerYear.value / r.buildings } : null, tonnesText) },
    { key: 'co2-m2', label: co2Label(t('perM2Of', { what: co2 })), cell: (r) => orUnknown(perM2(r, r.floorArea.co2Kg), kgText) },
    { key: 'area', label: t('floorAreaKnown'), cell: (r) => t('floorAreaOf', { m2: formatNumber(r.floorArea.m2), known: r.floorArea.buildings, all: r.buildings }) },
    { key: 'investment', label: t('investmentTotal'), cell: (r) => totalText(r.investmentEur, euroText) },
    { key: 'savings', label: t('savingsTotal'), cell: (r) => totalText(r.savingsEurPerYear, euroText) },
    { key: 'payback', label: t('paybackTotal'), cell: (r) => orUnknown(r.paybackYears, (v) => `${formatNumber(v)} ${t('years')}`) },
    { key: 'per-euro', label: co2Label(t('co2PerKEur')), cell: (r) => orUnknown(co2PerKEur(r), (v) => formatNumber(v, 0)) },
    ...STATUS_ORDER.map((s) => ({ key: s, label: t(`status${s}` as never), cell: (r: TerrainIndicators) => String(r.byStatus[s]) })),
    { key: 'obligations', label: t('obligationsOpen'), cell: (r) => String(r.obligations) },
    ...BLOCKER_KINDS.map((k) => ({ key: k, label: `${t('blockers')}: ${t(`kind${k}` as never)}`, cell: (r: TerrainIndicators) => String(r.blockers[k]) })),
    { key: 'offtake-short', label: t('offtakeShort'), cell: (r) => kwText(r.offtakeShortKw) },
    { key: 'feed-in-short', label: t('feedInShort'), cell: (r) => kwText(r.feedInShortKw) },
    { key: 'cong-off', label: t('congestionOfftakeShort'), cell: (r) => congestionText(r.congestionOfftake, 'congestionOfftake') },
    { key: 'cong-in', label: t('congestionFeedInShort'), cell: (r) => congestionText(r.congestionFeedIn, 'congestionFeedIn') },
    ...GRID_FIGURES.map((f) => ({ key: f.key, label: t(f.key), cell: (r: TerrainIndicators) => sumText(f.sum(r.grid)) })),
  ];
}

export function IndicatorTable({ indicators }: { indicators: TerrainIndicators[] }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="indicator-table-caption">
      <table class="data-table indicators">
        <caption id="indicator-table-caption">{t('indicatorTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicator')}</th>
            {indicators.map((r) => (
              <th scope="col" key={r.terrainId}>
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows(indicators.some((r) => r.co2Indicative)).map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {indicators.map((r) => (
                <td key={r.terrainId}>{row.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
