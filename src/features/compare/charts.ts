/**
 * chart.js, tree-shaken to the bar chart this view uses. Imported only by the compare
 * view, through a dynamic import, so it never weighs on the first paint.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartDataset } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarChartSpec {
  labels: string[];
  datasets: { label: string; data: (number | null)[]; color: string }[];
  stacked: boolean;
  yTitle: string;
  locale: string;
}

const TICK_CHARS = 40;
const shorten = (label: string): string => (label.length > TICK_CHARS ? `${label.slice(0, TICK_CHARS - 1)}…` : label);

/** Draws (or redraws) a bar chart on a canvas; returns a function that destroys it. */
export function drawBarChart(canvas: HTMLCanvasElement, spec: BarChartSpec): () => void {
  const datasets: ChartDataset<'bar'>[] = spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color, borderWidth: 1 }));
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: spec.locale,
      plugins: { legend: { position: 'bottom' } },
      scales: {
        // A long name is shortened under its bar (the table beside the chart gives it in full).
        x: { stacked: spec.stacked, ticks: { callback: (_value, index) => shorten(spec.labels[index] ?? '') } },
        y: { stacked: spec.stacked, beginAtZero: true, title: { display: true, text: spec.yTitle } },
      },
    },
  });
  return () => chart.destroy();
}
