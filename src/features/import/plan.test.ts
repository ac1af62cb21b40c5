/**
 * The import plan: rows matched by KvK number, company name or name; an update takes only
 * valid, given, mapped cells; duplicates and rows without a key are skipped; limits; and a fuzz
 * run (seeded, tests/unit/helpers/seed.ts) in which no file throws past the checks and nothing
 * invalid ever reaches the changes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledToolbox, checkFactValue } from '../../engine';
import type { Building } from '../../engine/types';
import { checkSurveyValue, SURVEY_FIELDS } from '../../ui/survey';
import { autoMap, targetOptions } from './mapping';
import { MAX_BUILDINGS, planImport } from './plan';
import { parseCsv, type Sheet } from './sheet';

const options = targetOptions(bundledToolbox.facts);
const sheetOf = (text: string): Sheet => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message.nl);
  return r.sheet;
};
const plan = (text: string, buildings: Building[] = []) => {
  const sheet = sheetOf(text);
  return planImport(sheet, autoMap(sheet.headers, options), options, buildings);
};
const existing: Building[] = [
  { id: 'b1', name: 'Hal A', facts: { roofAreaM2: 900, asbestos: false }, survey: { companyName: 'Bakkerij De Molen', kvkNumber: '11112222', notes: 'oud' } },
  { id: 'b2', name: 'Garage Jansen', facts: { roofAreaM2: 400 } },
];

describe('import plan', () => {
  it('gives each row the cross-field warnings of the building as it would be (stored anyway)', () => {
    const withFloor: Building[] = [{ id: 'b1', name: 'Hal A', facts: { floorAreaM2: 1000 }, survey: { companyName: 'Bakkerij De Molen' } }];
    const p = plan('Bedrijfsnaam;Kantooroppervlak (m²);Vloeroppervlak (m²)\nBakkerij De Molen;1.200;\nNieuw B.V.;300;200\nDerde B.V.;100;200\n', withFloor);
    expect(p.rows.map((r) => r.warnings.map((w) => [w.checkId, w.factId]))).toEqual([[['office-within-floor', 'officeAreaM2']], [['office-within-floor', 'officeAreaM2']], []]);
    expect(p.rows[0].warnings[0].message.nl).toMatch(/^Het kantooroppervlak \(1\.200 m²\) is groter dan het vloeroppervlak \(1\.000 m²\)\. Wel opgeslagen/);
    expect(p.changes.update[0].facts).toEqual({ officeAreaM2: 1200 });
  });

  it('adds new companies with their valid cells; a rejected cell is counted and left out', () => {
    const p = plan('Bedrijfsnaam;KvK-nummer;Dakoppervlak (m²);Asbest in het dak\nNieuw B.V.;1234567;1.250,5;misschien\n');
    expect(p.rejectedCells).toBe(2);
    expect(p.changes).toEqual({ add: [{ name: 'Nieuw B.V.', facts: { roofAreaM2: 1250.5 }, survey: { companyName: 'Nieuw B.V.' } }], update: [] });
    expect(p.rows[0].action).toEqual({ kind: 'add', name: 'Nieuw B.V.' });
    expect(p.blocked).toBeNull();
  });

  it('updates by KvK number before company name, by company name case-insensitively, and by building name', () => {
    const p = plan('Bedrijfsnaam;KvK-nummer;Dakoppervlak\nOther Name;11112222;1000\n  garage   JANSEN ;;450\n', existing);
    expect(p.changes.add).toEqual([]);
    expect(p.changes.update).toEqual([
      { id: 'b1', facts: { roofAreaM2: 1000 }, survey: { companyName: 'Other Name', kvkNumber: '11112222' } },
      { id: 'b2', facts: { roofAreaM2: 450 }, survey: { companyName: 'garage   JANSEN' } },
    ]);
    expect(p.rows.map((r) => r.action.kind)).toEqual(['update', 'update']);
  });

  it('an update carries only valid, given, mapped cells: a rejected or empty cell keeps the stored value', () => {
    const p = plan('Bedrijfsnaam;Dakoppervlak;Asbest in het dak;Kolom die niemand kent\nBakkerij De Molen;-5;;42\n', existing);
    expect(p.changes.update).toEqual([{ id: 'b1', facts: {}, survey: { companyName: 'Bakkerij De Molen' } }]);
    expect(p.rejectedCells).toBe(1);
  });

  it('skips a second row of the same company and a row without any key, saying why', () => {
    const p = plan('Bedrijfsnaam;KvK-nummer;Dakoppervlak\nA;12345678;1\nB;12345678;2\na;;3\n;;4\n');
    expect(p.changes.add).toHaveLength(1);
    expect(p.rows.map((r) => (r.action.kind === 'skip' ? r.action.message.nl : r.action.kind))).toEqual([
      'add',
      'Dit bedrijf staat al in regel 2: deze rij wordt overgeslagen.',
      'Dit bedrijf staat al in regel 2: deze rij wordt overgeslagen.',
      'Geen geldige bedrijfsnaam, KvK-nummer of naam: deze rij wordt overgeslagen.',
    ]);
  });

  it('is blocked when nothing can be imported or the terrain would hold more than 500 buildings', () => {
    expect(plan('Dakoppervlak\n12\n').blocked?.nl).toMatch(/^Er is niets te importeren/);
    const many: Building[] = Array.from({ length: MAX_BUILDINGS }, (_, i) => ({ id: `x${i}`, name: `X ${i}`, facts: {} }));
    expect(plan('Bedrijfsnaam\nNieuw\n', many).blocked?.nl).toMatch(/501 gebouwen/);
    expect(plan('Bedrijfsnaam\nX 3\n', many).blocked).toBeNull();
  });

  it('plans the 49-company fixture: 49 new buildings and its four bad cells', () => {
    const p = plan(readFileSync(new URL('../../../tests/fixtures/import/bedrijven-49.csv', import.meta.url), 'utf8'));
    expect(p.changes.add).toHaveLength(49);
    const bad = p.rows.flatMap((r) => r.cells.flatMap((c, i) => (c && !c.ok ? [`${r.line}:${i}`] : [])));
    expect(bad).toEqual(['6:1', '13:5', '21:7', '34:3']);
  });
});

describe('import fuzz', () => {
  const headers = ['Bedrijfsnaam', 'KvK-nummer', 'Naam', 'Datum bezoek', ...bundledToolbox.facts.filter((f) => f.scope === 'building').map((f) => f.label.nl)];
  const cell = fc.oneof(fc.string(), fc.constantFrom('ja', 'nee', '1.234,5', '-1', '12345678', '"', ';', ',', '\n', '\uFEFF', '3-11-2026', 'onbekend', 'plat', '__proto__'));
  const csvText = fc
    .tuple(fc.subarray(headers, { minLength: 1 }), fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }), fc.constantFrom(';', ',', '\t'), fc.constantFrom('\n', '\r\n'))
    .map(([h, rows, d, end]) => [h, ...rows].map((r) => r.join(d)).join(end));
  const factById = new Map(bundledToolbox.facts.map((f) => [f.id, f]));
  const surveyByKey = new Map(SURVEY_FIELDS.map((f) => [f.key, f]));

  it('no file throws past the checks, and every value in the changes passes the form\'s check', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const r = parseCsv(text);
        if (!r.ok) return;
        const p = planImport(r.sheet, autoMap(r.sheet.headers, options), options, existing);
        for (const change of [...p.changes.add, ...p.changes.update]) {
          for (const [id, v] of Object.entries(change.facts)) expect(checkFactValue(factById.get(id)!, v)).toEqual({ ok: true, value: v });
          for (const [key, v] of Object.entries(change.survey ?? {})) expect(checkSurveyValue(surveyByKey.get(key as never)!, v)).toBeNull();
          expect(Object.getPrototypeOf(change.facts)).toBe(Object.prototype);
        }
      }),
      { numRuns: 500 },
    );
  });
});
