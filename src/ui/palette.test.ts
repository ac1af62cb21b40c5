/**
 * Category colours are not status colours: every blocker-kind and series colour is far (RGB
 * distance) from every status colour of the charts and badges, the kinds are far from each
 * other, and each has at least 3:1 contrast on white.
 */
import { expect, it } from 'vitest';
import { BADGE_COLORS, GRID_COLORS, KIND_COLORS, SERIES_COLORS, STATUS_COLORS } from './palette';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]));
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const statuses = [...Object.values(STATUS_COLORS), ...BADGE_COLORS];
const categories = [...Object.values(KIND_COLORS), ...Object.values(SERIES_COLORS), ...Object.values(GRID_COLORS)];

it('no category colour is (near) a status colour', () => {
  for (const c of categories) for (const s of statuses) expect(distance(c, s), `${c} against status ${s}`).toBeGreaterThan(60);
});

it('the blocker kinds are told apart', () => {
  const kinds = Object.values(KIND_COLORS);
  for (let i = 0; i < kinds.length; i++) for (let j = i + 1; j < kinds.length; j++) expect(distance(kinds[i], kinds[j]), `${kinds[i]} against ${kinds[j]}`).toBeGreaterThan(60);
  expect(distance(SERIES_COLORS.offtakeShort, SERIES_COLORS.feedInShort)).toBeGreaterThan(60);
  const grid = Object.values(GRID_COLORS);
  for (let i = 0; i < grid.length; i++) for (let j = i + 1; j < grid.length; j++) expect(distance(grid[i], grid[j]), `${grid[i]} against ${grid[j]}`).toBeGreaterThan(60);
});

it('every chart colour has 3:1 contrast on white', () => {
  for (const c of [...categories, ...Object.values(STATUS_COLORS).filter((s) => s !== STATUS_COLORS['not-applicable'])]) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(3);
});

it('the test itself tells a status colour from a category colour', () => {
  expect(distance('#a4161a', '#a81a1e')).toBeLessThan(60);
  expect(contrastOnWhite('#8a939e')).toBeLessThan(3.5);
});
