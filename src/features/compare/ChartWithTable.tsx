/**
 * A chart.js bar chart with its table twin: the canvas (role img, named by the chart's
 * question) and below it the same numbers as a table (a row per terrain, a column per
 * series) in a scroll region, so the data is there without the picture and on a phone.
 * chart.js is imported here only, through a dynamic import.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { BarChartSpec } from './charts';
import { t } from '../../i18n';

export function ChartWithTable({ id, title, spec, cell }: { id: string; title: string; spec: BarChartSpec; cell: (v: number | null) => string }) {
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
      <div class="table-scroll" tabIndex={0} role="region" aria-label={title}>
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
                  <td key={d.label}>{cell(d.data[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
