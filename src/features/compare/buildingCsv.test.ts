/**
 * The per-building CSV, read back as Dutch Excel would read it, with the import's own reader
 * (papaparse through src/features/import/sheet.ts): UTF-8 with BOM, ';', decimal comma, one
 * row per building of the compared terrains with its terrain first, formula-like names
 * neutralised, and the numbers those of indicatorsFor (the terrain CSV's PV column is the sum
 * of its buildings').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indicatorsFor } from './indicators';
import { buildingCsv, terrainCsv } from './csv';
import { parseCsv as readSheet } from '../import/sheet';
import { assess } from '../../engine/index';
import { FIGURE_HEADER_NL } from '../../../tests/shared/compareCsv';
import type { Terrain } from '../../engine/index';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../toolbox-data/examples/', import.meta.url));
const examples: Terrain[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as Terrain);

// One hostile building name and company on the first terrain.
const terrains: Terrain[] = examples.map((t, i) =>
  i === 0 ? { ...t, buildings: t.buildings.map((b, k) => (k === 0 ? { ...b, name: '=HYPERLINK("http://x";"klik")', survey: { ...b.survey, companyName: '+31 Zon; en "Wind"' } } : b)) } : t,
);
const indicators = terrains.map((t) => indicatorsFor(t, assess(t)));

const HEADER = ['Terrein', 'Gebouw', 'Bedrijf', 'Vloeroppervlak (m²)', ...FIGURE_HEADER_NL];
/** A Dutch decimal as Excel reads it: comma for the decimal point, no thousands separator. */
const dutch = (cell: string | number | boolean | Date | null): number => {
  expect(typeof cell).toBe('string');
  expect(cell as string).toMatch(/^-?\d+(,\d+)?$/);
  return Number((cell as string).replace(',', '.'));
};

describe('the per-building CSV', () => {
  const text = buildingCsv(indicators);
  const read = readSheet(text);
  if (!read.ok) throw new Error(read.message.nl);
  const { headers, rows } = read.sheet;

  it('is UTF-8 with a BOM, ";" between cells and CRLF between rows', () => {
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(HEADER.join(';'));
  });

  it('has the Dutch header and one row per building, its terrain first', () => {
    expect(headers).toEqual(HEADER);
    const expected = terrains.flatMap((t) => t.buildings.map((b) => [t.name, b.name]));
    expect(rows).toHaveLength(expected.length);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(expected.slice(1));
  });

  it('neutralises formula-like names and keeps ";" and quotes inside a cell', () => {
    expect(rows[0][1]).toBe(`'=HYPERLINK("http://x";"klik")`);
    expect(rows[0][2]).toBe(`'+31 Zon; en "Wind"`);
    for (const row of rows) for (const cell of row) if (typeof cell === 'string' && !/^-?\d+(,\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('holds the building figures of indicatorsFor, with a decimal comma', () => {
    const buildings = indicators.flatMap((t) => t.perBuilding);
    rows.forEach((row, i) => {
      const b = buildings[i];
      expect(dutch(row[3])).toBe(b.floorAreaM2);
      expect(dutch(row[4])).toBeCloseTo(b.pvKwp, 1);
      expect(dutch(row[5])).toBeCloseTo(b.pvKwhPerYear / 1000, 1);
      expect(dutch(row[6])).toBeCloseTo(b.co2KgPerYear!.value / 1000, 1);
      expect(dutch(row[7])).toBe(Math.round(b.investmentEur.value));
      expect(dutch(row[8])).toBe(Math.round(b.savingsEurPerYear.value));
      expect(dutch(row[16])).toBe(b.obligations);
      expect(dutch(row[23])).toBe(Math.round(b.offtakeShortKw));
      expect(row[25]).toBe(b.co2KgPerYear!.complete && b.investmentEur.complete && b.savingsEurPerYear.complete ? 'ja' : 'nee');
    });
    expect(rows.some((r) => (r[4] as string).includes(','))).toBe(true);
  });

  it('adds up to the terrain CSV', () => {
    const terrainRead = readSheet(terrainCsv(indicators));
    if (!terrainRead.ok) throw new Error(terrainRead.message.nl);
    const pv = terrainRead.sheet.headers.indexOf('Zon-pv potentieel (kWp)');
    terrainRead.sheet.rows.forEach((row, i) => {
      const mine = rows.filter((r) => r[0] === row[0]);
      expect(mine).toHaveLength(terrains[i].buildings.length);
      expect(dutch(row[pv])).toBeCloseTo(mine.reduce((s, r) => s + dutch(r[4]), 0), 0);
    });
  });
});
