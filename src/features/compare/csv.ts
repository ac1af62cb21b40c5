/**
 * CSV that opens correctly in Dutch Excel: semicolon separator, decimal comma, UTF-8 with
 * BOM, CRLF line ends, and cells that start with = + - @ (or tab/CR) neutralised so a
 * cell can never become a formula. The compare view's two files: one row per terrain, and one
 * per building; the figures both share are one list of columns.
 */
import { t } from '../../i18n';
import { calcLabel, factLabel, optionLabel, STATUS_ORDER } from '../../ui/labels';
import { GRID_FIGURES } from '../../ui/gridFigures';
import { BLOCKER_KINDS, co2PerKEur, paybackOf, type BuildingIndicators, type Figures, type TerrainIndicators } from './indicators';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers with a decimal comma; text quoted when needed and never a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return String(value).replace('.', ',');
  }
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text) || text !== text.trim()) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A whole file: header row plus rows, with BOM. */
export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  return BOM + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** A congestion colour of the capacity map in words ("onbekend" when not known). */
export const congestionText = (value: string | null, factId: string): string => (value ? (optionLabel(factId)?.(value) ?? value) : t('unknown'));

type Cell = string | number | null;
interface Column<T> {
  header: () => string;
  value: (r: T) => Cell;
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
const yesNo = (b: boolean): string => (b ? t('yes') : t('no'));
/** Whether the CO₂, investment and saving totals are complete (no unknown part). */
const complete = (f: Figures): boolean => (f.co2KgPerYear?.complete ?? false) && f.investmentEur.complete && f.savingsEurPerYear.complete;

/** The figures a building and a terrain share, in both files' order. */
const FIGURE_COLUMNS: Column<Figures>[] = [
  { header: () => `${calcLabel('pvKwp')} (kWp)`, value: (f) => round(f.pvKwp, 1) },
  { header: () => `${calcLabel('pvKwhPerYear')} (MWh)`, value: (f) => round(f.pvKwhPerYear / 1000, 1) },
  { header: () => `${t('co2Reduction')} (${t('tonnesCo2PerYear')})`, value: (f) => (f.co2KgPerYear ? round(f.co2KgPerYear.value / 1000, 1) : null) },
  { header: () => `${t('investmentTotal')} (€)`, value: (f) => Math.round(f.investmentEur.value) },
  { header: () => `${t('savingsTotal')} (€)`, value: (f) => Math.round(f.savingsEurPerYear.value) },
  { header: () => `${t('paybackTotal')} (${t('years')})`, value: (f) => nullable(paybackOf(f), 1) },
  { header: () => t('co2PerKEur'), value: (f) => nullable(co2PerKEur(f), 0) },
  ...STATUS_ORDER.map((s) => ({ header: () => t(`status${s}` as never), value: (f: Figures) => f.byStatus[s] })),
  { header: () => t('obligationsOpen'), value: (f) => f.obligations },
  ...BLOCKER_KINDS.map((k) => ({ header: () => `${t('blockers')}: ${t(`kind${k}` as never)}`, value: (f: Figures) => f.blockers[k] })),
  { header: () => `${t('offtakeShort')} (kW)`, value: (f) => Math.round(f.offtakeShortKw) },
  { header: () => `${t('feedInShort')} (kW)`, value: (f) => Math.round(f.feedInShortKw) },
  { header: () => t('figuresComplete'), value: (f) => yesNo(complete(f)) },
];
const nullable = (v: number | null, digits: number): number | null => (v === null ? null : round(v, digits));

function table<T>(columns: Column<T>[], rows: T[]): string {
  return toCsv([columns.map((c) => c.header()), ...rows.map((r) => columns.map((c) => c.value(r)))]);
}

/** The compared terrains, one row per terrain. */
export function terrainCsv(rows: TerrainIndicators[]): string {
  const columns: Column<TerrainIndicators>[] = [
    { header: () => t('terrain'), value: (r) => r.name },
    { header: () => t('fieldMunicipality'), value: (r) => r.municipality },
    { header: () => t('buildingsSection'), value: (r) => r.buildings },
    ...FIGURE_COLUMNS,
    { header: () => t('congestionOfftakeShort'), value: (r) => congestionText(r.congestionOfftake, 'congestionOfftake') },
    { header: () => t('congestionFeedInShort'), value: (r) => congestionText(r.congestionFeedIn, 'congestionFeedIn') },
    ...GRID_FIGURES.map((f) => ({ header: () => `${t(f.key)} (kW)`, value: (r: TerrainIndicators) => Math.round(f.sum(r.grid).kw) })),
    { header: () => t('gridComplete'), value: (r) => yesNo(!r.grid.incomplete) },
  ];
  return table(columns, rows);
}

/** Every building of the compared terrains, one row per building, its terrain first. */
export function buildingCsv(rows: TerrainIndicators[]): string {
  type B = BuildingIndicators & { terrain: string };
  const columns: Column<B>[] = [
    { header: () => t('terrain'), value: (b) => b.terrain },
    { header: () => t('building'), value: (b) => b.name },
    { header: () => t('company'), value: (b) => b.companyName },
    { header: () => `${factLabel('floorAreaM2')} (m²)`, value: (b) => b.floorAreaM2 },
    ...FIGURE_COLUMNS,
  ];
  return table(columns, rows.flatMap((r) => r.perBuilding.map((b) => ({ ...b, terrain: r.name }))));
}
