/**
 * The assessment at a glance: the building × measure matrix (a cell's status as colour, symbol
 * and, in its name and the legend, word; duties marked; buildings as numbered columns with their
 * names in a key below) and the terrain's totals. The assessment
 * makes each cell a button that opens its card; the report prints it (columns in groups).
 */
import type { Assessment, Terrain } from '../../engine/types';
import { formatNumber, formatQuantity, t } from '../../i18n';
import { buildingName, measureLabel, STATUS_ORDER } from '../../ui/labels';
import { STATUS_SYMBOL } from '../../ui/statusOrder';
import { buildMatrix, columnGroups, terrainTotals, type MatrixCell } from './glance';

const DUTY_MARK = { true: '§', null: '§?' } as const;

function cellName(terrain: Terrain, cell: MatrixCell): string {
  const duty = cell.duty === true ? `, ${t('obligation')}` : cell.duty === null ? `, ${t('obligationUnknown')}` : '';
  return `${measureLabel(cell.measureId)}, ${cell.buildingId ? buildingName(terrain, cell.buildingId) : t('terrainLevel')}: ${t(`status${cell.status}` as never)}${duty}`;
}

function Cell({ cell, terrain, onOpen, span }: { cell: MatrixCell | null; terrain: Terrain; onOpen?: (key: string) => void; span?: number }) {
  if (!cell) return <td colSpan={span} />;
  const mark = (
    <>
      <span aria-hidden="true">
        {STATUS_SYMBOL[cell.status]}
        {cell.duty !== false && <sup class="duty-mark">{DUTY_MARK[String(cell.duty) as 'true' | 'null']}</sup>}
      </span>
    </>
  );
  return (
    <td colSpan={span} class={`matrix-cell cell-${cell.status}`} data-key={cell.key} data-status={cell.status}>
      {onOpen ? (
        <button type="button" class="cell-button" aria-label={cellName(terrain, cell)} onClick={() => onOpen(cell.key)}>
          {mark}
        </button>
      ) : (
        <span role="img" aria-label={cellName(terrain, cell)}>
          {mark}
        </span>
      )}
    </td>
  );
}

/** `groupSize`: at most this many building columns per table (print); without it one table. */
export function Matrix({ terrain, assessment, onOpen, groupSize }: { terrain: Terrain; assessment: Assessment; onOpen?: (key: string) => void; groupSize?: number }) {
  const groups = columnGroups(
    terrain.buildings.map((b) => b.id),
    groupSize ?? Math.max(1, terrain.buildings.length),
  );
  const numberOf = (id: string) => terrain.buildings.findIndex((b) => b.id === id) + 1;
  return (
    <div class="matrix">
      {groups.map((ids, g) => {
        const m = buildMatrix(terrain, assessment, ids);
        const width = Math.max(1, ids.length);
        return (
          <div class="table-scroll" key={g}>
            <table class="matrix-table">
              <caption>{groups.length > 1 ? t('matrixCaptionPart', { part: g + 1, parts: groups.length }) : t('matrixCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('measure')}</th>
                  {ids.map((id) => (
                    <th scope="col" key={id}>
                      <span aria-hidden="true">{numberOf(id)}</span>
                      <span class="visually-hidden">{buildingName(terrain, id)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.buildingRows.map((row) => (
                  <tr key={row.measureId}>
                    <th scope="row">{measureLabel(row.measureId)}</th>
                    {row.cells.map((c, i) => (
                      <Cell key={ids[i]} cell={c} terrain={terrain} onOpen={onOpen} />
                    ))}
                  </tr>
                ))}
              </tbody>
              {g === 0 && m.terrainRows.length > 0 && (
                <tbody>
                  <tr>
                    <th scope="colgroup" colSpan={width + 1} class="matrix-group">
                      {t('reportTerrainLevel')}
                    </th>
                  </tr>
                  {m.terrainRows.map((row) => (
                    <tr key={row.measureId}>
                      <th scope="row">{measureLabel(row.measureId)}</th>
                      <Cell cell={row.cells[0]} terrain={terrain} onOpen={onOpen} span={width} />
                    </tr>
                  ))}
                </tbody>
              )}
            </table>
          </div>
        );
      })}
      <ol class="matrix-key" aria-label={t('matrixKey')}>
        {terrain.buildings.map((b, i) => (
          <li key={b.id}>
            <span class="key-number">{i + 1}</span> {b.name}
          </li>
        ))}
      </ol>
      <p class="matrix-legend">
        {STATUS_ORDER.map((s) => (
          <span key={s} class={`legend-item cell-${s}`}>
            <span aria-hidden="true">{STATUS_SYMBOL[s]}</span> {t(`status${s}` as never)}
          </span>
        ))}
        <span class="legend-item">
          <span aria-hidden="true">§</span> {t('obligation')}
        </span>
        <span class="legend-item">
          <span aria-hidden="true">§?</span> {t('obligationUnknown')}
        </span>
      </p>
    </div>
  );
}

export function Totals({ assessment }: { assessment: Assessment }) {
  const f = terrainTotals(assessment);
  const euro = (v: number) => `€ ${formatNumber(Math.round(v))}`;
  const upTo = (s: string) => (f.upperBound ? t('upTo', { value: s }) : s);
  return (
    <div class="totals">
      <dl>
        <div>
          <dt>{t('totalsPv')}</dt>
          <dd>
            {formatQuantity(f.pvKwp, 'kWp')} · {formatQuantity(f.pvMwhPerYear, t('mwhPerYear'))}
          </dd>
        </div>
        <div>
          <dt>{t('investment')}</dt>
          <dd>{upTo(euro(f.investmentEur))}</dd>
        </div>
        <div>
          <dt>{t('savingsPerYear')}</dt>
          <dd>{upTo(euro(f.savingsEurPerYear))}</dd>
        </div>
        <div>
          <dt>{t('payback')}</dt>
          <dd>{f.paybackYears === null ? t('unknown') : formatQuantity(f.paybackYears, t('years'))}</dd>
        </div>
        <div>
          <dt>{t('totalsDuties')}</dt>
          <dd>
            {f.dutiesOpen}
            {f.dutiesUnknown > 0 && ` · ${t('totalsDutiesUnknown', { n: f.dutiesUnknown })}`}
          </dd>
        </div>
      </dl>
      <p class="muted">{f.unknownCosts > 0 ? `${t('totalsNote')} ${t('totalsUnknownCosts', { n: f.unknownCosts })}` : t('totalsNote')}</p>
    </div>
  );
}
