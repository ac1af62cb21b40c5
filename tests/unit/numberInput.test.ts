/**
 * What people type into a number field (editor, walk, import cells): units after the number,
 * Dutch thousands dots and decimal commas, a leading comma, percentages for shares. Garbage is
 * still refused, and the form then shows the Dutch message.
 */
import { describe, expect, it } from 'vitest';
import { bundledToolbox, checkFactValue, checkNumberInput, isShare, parameterAsFact, parseNumberInput } from '../../src/engine';
import type { Fact } from '../../src/engine/types';

const fact = (id: string): Fact => bundledToolbox.facts.find((f) => f.id === id)!;
const own = (id: string): Fact => parameterAsFact(bundledToolbox.parameters.find((p) => p.id === id)!)!;
const roof = fact('roofAreaM2');
const percentFact: Fact = { ...roof, id: 'sharePercent', unit: '%', min: 0, max: 100 };

describe('parseNumberInput', () => {
  it.each([
    ['5000', 5000],
    ['5000 m2', 5000],
    ['5000m2', 5000],
    ['5.000 m²', 5000],
    ['5.000m²', 5000],
    ['5000 M2', 5000],
    [' 5 000 m² ', 5000],
    ['2.316', 2316],
    ['1.234.567,5', 1234567.5],
    ['0,5', 0.5],
    [',5', 0.5],
    ['12,', 12],
    ['-3', -3],
  ])('nl, square metres: %j is %d', (text, expected) => {
    expect(parseNumberInput(text, 'nl', roof)).toBe(expected);
  });

  it.each([
    ['5,000 m2', 5000],
    ['2,316', 2316],
    ['.5', 0.5],
    ['0.5', 0.5],
  ])('en: %j is %d', (text, expected) => {
    expect(parseNumberInput(text, 'en', roof)).toBe(expected);
  });

  it('takes the unit of the field in either language, and a yearly unit without its period', () => {
    expect(parseNumberInput('120.000 kWh/jaar', 'nl', fact('electricityKwh'))).toBe(120000);
    expect(parseNumberInput('120.000 kWh', 'nl', fact('electricityKwh'))).toBe(120000);
    expect(parseNumberInput('120,000 kWh/year', 'en', fact('electricityKwh'))).toBe(120000);
    expect(parseNumberInput('40 plaatsen', 'nl', fact('parkingSpaces'))).toBe(40);
    expect(parseNumberInput('250 kW', 'nl', fact('contractedOfftakeKw'))).toBe(250);
    expect(parseNumberInput('0,95 €/Wp', 'nl', own('pvCostEurPerWp'))).toBe(0.95);
  });

  it('reads a percentage as a share in a 0–1 field and as itself in a % field; elsewhere it is refused', () => {
    const share = own('pvUsableRoofShare');
    expect(isShare(share)).toBe(true);
    expect(isShare(roof)).toBe(false);
    expect(isShare(own('heatPumpCop'))).toBe(false); // no unit, but up to 8: not a share
    expect(parseNumberInput('12%', 'nl', share)).toBe(0.12);
    expect(parseNumberInput('12 %', 'nl', share)).toBe(0.12);
    expect(parseNumberInput('57,5 %', 'nl', share)).toBe(0.575);
    expect(parseNumberInput('0,7', 'nl', share)).toBe(0.7);
    expect(parseNumberInput('12 %', 'nl', percentFact)).toBe(12);
    expect(parseNumberInput('12 %', 'nl', roof)).toBeNaN();
    expect(parseNumberInput('12 %', 'nl', own('heatPumpCop'))).toBeNaN();
    expect(parseNumberInput('12 %', 'nl')).toBeNaN();
  });

  it('is null for an empty field and NaN for garbage, a wrong unit or a unit without a field', () => {
    expect(parseNumberInput('', 'nl', roof)).toBeNull();
    expect(parseNumberInput('   ', 'nl', roof)).toBeNull();
    for (const text of ['5.000x', 'abc', 'm2', '5000 kW', '5000 m3', '1e5', '0x10', 'Infinity', '5,0,0', '--5', '5-', ',', '2316 AB', '5 m2 m2']) {
      expect(parseNumberInput(text, 'nl', roof), text).toBeNaN();
    }
    expect(parseNumberInput('5000 m2', 'nl')).toBeNaN();
  });

  it('garbage gets the Dutch message at the field, as before', () => {
    const parsed = parseNumberInput('5.000x', 'nl', roof);
    const check = checkFactValue(roof, Number.isNaN(parsed) ? '5.000x' : parsed);
    expect(check).toEqual({ ok: false, message: { nl: 'Vul een getal in.', en: 'Enter a number.' } });
    expect(checkFactValue(roof, parseNumberInput('-5 m2', 'nl', roof))).toEqual({ ok: false, message: { nl: 'Mag niet negatief zijn.', en: 'Must not be negative.' } });
  });
});

describe('checkNumberInput (what the form and walk mode store)', () => {
  const roof = bundledToolbox.facts.find((f) => f.id === 'roofAreaM2')!;
  it('an empty field is unknown, a typed number is checked, text that is no number gets the fact message', () => {
    expect(checkNumberInput(roof, '  ', 'nl')).toEqual({ ok: true, value: null });
    expect(checkNumberInput(roof, '5.000 m2', 'nl')).toEqual({ ok: true, value: 5000 });
    const typo = checkNumberInput(roof, '5.000x', 'nl');
    expect(typo.ok).toBe(false);
    expect(typo).toEqual(checkFactValue(roof, '5.000x'));
    expect(checkNumberInput(roof, '-5', 'nl').ok).toBe(false);
  });
});
