/**
 * The terrain as one grid, for the assessment and the report: two bar charts drawn as SVG
 * (offtake: contracts, today's peak, the added demand, the group's coincident peak; feed-in:
 * contracts against the PV potential), each with its table twin; the congestion colours
 * beside them; the energy-hub verdict next to the capacity a group contract frees; and which
 * buildings miss which value (a sum with an unknown part is shown as "at least").
 */
import { valueOn } from '../engine';
import type { Assessment, GridSum, GridSummary, Terrain } from '../engine/types';
import { formatNumber, t, tx } from '../i18n';
import { IndicativeBadge, SourceList, StatusBadge, toolboxIndex } from './common';
import { barKw, feedInBars, offtakeBars, type GridBar } from './gridFigures';
import { buildingName, factLabel, measureLabel } from './labels';

const kw = (v: number): string => `${formatNumber(Math.round(v))} kW`;
/** A sum in words: "at least" when some building's value is unknown. */
export const sumText = (s: GridSum): string => (s.complete ? kw(s.kw) : t('gridAtLeast', { value: kw(s.kw) }));

/** The sources of the parameters the grid figures rest on, on the assessment's date. */
export function gridSourceIds(a: Assessment): string[] {
  const ids = a.grid.parameterIds.flatMap((id) => {
    const p = toolboxIndex.parameters.get(id);
    return (p && valueOn(p, a.assessmentDate)?.sources) || [];
  });
  return [...new Set(ids)];
}

const ROW = 34;

function Bars({ id, title, bars }: { id: string; title: string; bars: GridBar[] }) {
  const max = Math.max(1, ...bars.map(barKw));
  const width = 320;
  return (
    <figure class="grid-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      <svg id={id} class="grid-bars" viewBox={`0 0 ${width} ${bars.length * ROW}`} role="img" aria-label={`${title}: ${t('chartTableBelow')}`} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          let x = 0;
          return (
            <g key={b.key} transform={`translate(0 ${i * ROW})`}>
              <text x="0" y="11" class="grid-bar-label">
                {t(b.key)}
              </text>
              {b.parts.map((p, k) => {
                const w = ((width - 70) * p.kw) / max;
                const rect = <rect key={k} x={x} y="15" width={Math.max(0, w)} height="14" fill={p.color} />;
                x += w;
                return rect;
              })}
              <text x={x + 4} y="27" class="grid-bar-value">
                {b.lowerBound ? t('gridAtLeast', { value: formatNumber(Math.round(barKw(b))) }) : formatNumber(Math.round(barKw(b)))}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="data-table">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicator')}</th>
            <th scope="col">kW</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">
                {b.parts.map((p) => (
                  <svg key={p.key} class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                    <rect width="10" height="10" fill={p.color} />
                  </svg>
                ))}
                {t(b.key)}
              </th>
              <td>{sumText({ kw: barKw(b), complete: !b.lowerBound })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Congestion({ terrain, factId }: { terrain: Terrain; factId: 'congestionOfftake' | 'congestionFeedIn' }) {
  const fact = toolboxIndex.facts.get(factId);
  const value = terrain.facts?.[factId];
  const option = fact?.options?.find((o) => o.value === value);
  return (
    <li>
      <span class={`congestion congestion-${option ? option.value : 'unknown'}`} aria-hidden="true" /> {tx(fact?.label)}: <strong>{option ? tx(option.label) : t('unknown')}</strong>
    </li>
  );
}

const VALUE_KEYS = { addedOfftakeKw: 'gridAdded', feedInPotentialKw: 'gridFeedInPotential' } as const;

function Missing({ grid, terrain }: { grid: GridSummary; terrain: Terrain }) {
  if (!grid.incomplete) return null;
  return (
    <div class="grid-missing">
      <p>{t('gridIncomplete')}</p>
      <ul>
        {grid.unknown.map((u) => (
          <li key={u.buildingId}>
            {buildingName(terrain, u.buildingId)}: {u.values.map((v) => (v in VALUE_KEYS ? t(VALUE_KEYS[v as keyof typeof VALUE_KEYS]) : factLabel(v))).join(', ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The energy-hub verdict beside the figure that decides whether a group contract helps: what it frees, and the room left or still lacking. */
function Hub({ grid, assessment }: { grid: GridSummary; assessment: Assessment }) {
  const hub = assessment.measures.find((m) => m.measureId === 'energy-hub');
  const room = grid.groupRoomKw;
  return (
    <div class="grid-hub">
      <h3>{measureLabel('energy-hub')}</h3>
      {hub && <StatusBadge status={hub.status} />}
      {grid.groupBuildingIds.length === 0 ? (
        <p>{t('gridNoGroup')}</p>
      ) : (
        <>
          <p>
            {t('gridFreed', { n: grid.groupBuildingIds.length, freed: sumText(grid.freedKw), f: formatNumber(grid.simultaneity, 2) })} {grid.indicative && <IndicativeBadge />}
          </p>
          <p>{room === null ? t('gridRoomUnknown') : room >= 0 ? t('gridRoomLeft', { room: kw(room) }) : t('gridRoomLacking', { room: kw(-room) })}</p>
        </>
      )}
    </div>
  );
}

/**
 * `heading={false}`: inside a section that has its title already (the assessment's fold).
 * `cite`: the report's numbers for its sources, printed instead of the source list.
 */
export function GridPanel({ assessment, terrain, heading = true, cite }: { assessment: Assessment; terrain: Terrain; heading?: boolean; cite?: (sourceIds: string[]) => string }) {
  const grid = assessment.grid;
  const Box = heading ? 'section' : 'div';
  return (
    <Box class="card grid-panel" aria-labelledby={heading ? 'grid-title' : undefined}>
      {heading && <h2 id="grid-title">{t('gridTitle')}</h2>}
      <p class="muted">{t('gridIntro')}</p>
      <ul class="grid-congestion">
        <Congestion terrain={terrain} factId="congestionOfftake" />
        <Congestion terrain={terrain} factId="congestionFeedIn" />
      </ul>
      <div class="grid-charts">
        <Bars id="grid-offtake" title={t('gridOfftakeTitle')} bars={offtakeBars(grid)} />
        <Bars id="grid-feed-in" title={t('gridFeedInTitle')} bars={feedInBars(grid)} />
      </div>
      <Hub grid={grid} assessment={assessment} />
      {grid.years.length > 1 && (
        <table class="data-table grid-years">
          <caption>{t('gridYears')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gridYear')}</th>
              <th scope="col">{t('gridAdded')}</th>
            </tr>
          </thead>
          <tbody>
            {grid.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{t('gridByYear', { year: String(y.year) })}</th>
                <td>{sumText(y.addedOfftakeKw)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Missing grid={grid} terrain={terrain} />
      {cite ? (
        <p class="cite">
          {t('sources')}: {cite(gridSourceIds(assessment))}
        </p>
      ) : (
        <SourceList ids={gridSourceIds(assessment)} />
      )}
    </Box>
  );
}
