/**
 * Cell checks are the form's checks: a number cell equals checkFactValue(parseNumberInput(text,
 * 'nl')) for every number fact and many texts; yes/no and options by their words; survey fields
 * by the schema's pattern and length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledToolbox, checkFactValue, parseNumberInput } from '../../engine';
import type { Fact } from '../../engine/types';
import { checkCell } from './cells';

const fact = (id: string): Fact => bundledToolbox.facts.find((f) => f.id === id)!;
const factCell = (id: string, cell: Parameters<typeof checkCell>[1]) => checkCell({ kind: 'fact', fact: fact(id) }, cell);
const survey = (key: 'kvkNumber' | 'visitDate' | 'companyName' | 'contactEmail', cell: Parameters<typeof checkCell>[1]) => checkCell({ kind: 'survey', key }, cell);

describe('cell checks', () => {
  it('numbers as the form reads them: Dutch decimal comma and thousands, Excel numbers as they are', () => {
    expect(factCell('roofAreaM2', '1.250,5')).toEqual({ ok: true, value: 1250.5 });
    expect(factCell('roofAreaM2', ' 861,5 ')).toEqual({ ok: true, value: 861.5 });
    expect(factCell('roofAreaM2', 1600.5)).toEqual({ ok: true, value: 1600.5 });
    expect(factCell('roofAreaM2', '-20')).toEqual({ ok: false, message: { nl: 'Mag niet negatief zijn.', en: 'Must not be negative.' } });
    expect(factCell('roofAreaM2', '5.000 m²')).toEqual({ ok: true, value: 5000 });
    expect(factCell('roofAreaM2', '5000 kW')).toMatchObject({ ok: false, message: { nl: 'Vul een getal in.' } });
    expect(factCell('parkingSpaces', '2,5')).toMatchObject({ ok: false, message: { nl: 'Vul een geheel getal in.' } });
  });

  it('every number fact and any text: the same verdict as the form', () => {
    const numberFacts = bundledToolbox.facts.filter((f) => f.scope === 'building' && (f.type === 'number' || f.type === 'integer'));
    const text = fc.oneof(fc.string(), fc.stringMatching(/^-?[0-9.,]{1,9}$/));
    fc.assert(
      fc.property(fc.constantFrom(...numberFacts), text, (f, s) => {
        const got = checkCell({ kind: 'fact', fact: f }, s);
        expect(got).toEqual(s.trim() === '' ? { ok: true, value: null } : checkFactValue(f, parseNumberInput(s, 'nl', f)));
      }),
      { numRuns: 2000 },
    );
  });

  it('yes/no and options by their Dutch or English words; anything else gets the form\'s message', () => {
    expect(factCell('asbestos', 'Ja')).toEqual({ ok: true, value: true });
    expect(factCell('asbestos', 'nee')).toEqual({ ok: true, value: false });
    expect(factCell('asbestos', false)).toEqual({ ok: true, value: false });
    expect(factCell('asbestos', 'onbekend')).toEqual({ ok: true, value: null });
    expect(factCell('asbestos', 'misschien')).toEqual({ ok: false, message: { nl: 'Kies ja, nee of onbekend.', en: 'Choose yes, no or unknown.' } });
    expect(factCell('use', 'Logistiek')).toEqual({ ok: true, value: 'logistics' });
    expect(factCell('use', 'industry')).toEqual({ ok: true, value: 'industry' });
    expect(factCell('roofInsulation', 'PUR/PIR')).toEqual({ ok: true, value: 'pur-pir' });
    expect(factCell('monument', 'geen')).toEqual({ ok: true, value: 'none' });
    expect(factCell('use', 'fabriek')).toEqual(checkFactValue(fact('use'), 'fabriek'));
    expect(factCell('use', 'fabriek')).toMatchObject({ ok: false, message: { nl: expect.stringMatching(/^Kies een van de opties: kantoor, industrie/) } });
  });

  it('survey fields by the schema: KvK pattern, dates (also Dutch and Excel dates), length', () => {
    expect(survey('kvkNumber', '12345678')).toEqual({ ok: true, value: '12345678' });
    expect(survey('kvkNumber', 12345678)).toEqual({ ok: true, value: '12345678' });
    expect(survey('kvkNumber', '1234567')).toEqual({ ok: false, message: { nl: 'Moet 8 cijfers zijn, bijvoorbeeld 12345678.', en: 'Must be 8 digits, for example 12345678.' } });
    expect(survey('visitDate', '3-11-2026')).toEqual({ ok: true, value: '2026-11-03' });
    expect(survey('visitDate', new Date(Date.UTC(2026, 10, 20)))).toEqual({ ok: true, value: '2026-11-20' });
    expect(survey('visitDate', '31-13-2026')).toMatchObject({ ok: false });
    expect(survey('contactEmail', 'geen adres')).toMatchObject({ ok: false, message: { nl: 'Is geen e-mailadres (zoals naam@bedrijf.nl).' } });
    expect(survey('companyName', 'x'.repeat(201))).toMatchObject({ ok: false, message: { nl: 'Te lang: hoogstens 200 tekens.' } });
    expect(survey('companyName', '   ')).toEqual({ ok: true, value: null });
  });
});
