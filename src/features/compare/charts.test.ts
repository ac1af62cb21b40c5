/**
 * The compare view's chart module registers only what its bar charts use: the bar
 * controller and element, category and linear scales, legend and tooltip. Nothing else of
 * chart.js (line, doughnut, pie, radar, time scales…) is registered, so tree-shaking keeps
 * the rest out of the chunk.
 */
import { Chart } from 'chart.js';
import { expect, it } from 'vitest';
import './charts';

it('registers the bar chart and nothing else', () => {
  const registry = Chart.registry as unknown as Record<'controllers' | 'elements' | 'scales' | 'plugins', { items: Record<string, unknown> }>;
  expect(Object.keys(registry.controllers.items).sort()).toEqual(['bar']);
  expect(Object.keys(registry.elements.items).sort()).toEqual(['bar']);
  expect(Object.keys(registry.scales.items).sort()).toEqual(['category', 'linear']);
  expect(Object.keys(registry.plugins.items).sort()).toEqual(['legend', 'tooltip']);
  expect(() => Chart.registry.getController('line')).toThrow();
  expect(() => Chart.registry.getController('doughnut')).toThrow();
});
