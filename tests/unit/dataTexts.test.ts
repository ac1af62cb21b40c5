/**
 * Data tests for the texts of the toolbox: every {param:<id>} placeholder names a parameter
 * (edge reasons only parameters with one value on every date, as plan reasons are shared
 * across dates), and no text writes out a number or date a parameter holds — a literal that
 * equals a value of a parameter its rule compares with, or one of its measure's parameters
 * with the same unit. Then the engine and the handbook fill the placeholders.
 */
import { describe, expect, it } from 'vitest';
import { calcParams } from '../../src/engine/calcs';
import { assess, bundledToolbox, fillParams, fillParamsOn, paramText, placeholderIds } from '../../src/engine/index';
import type { Expr, Lang, Measure, Parameter, Text, Toolbox } from '../../src/engine/types';

// ---------------------------------------------------------------- what a text may refer to

/** Parameters an expression compares with (through named conditions), and calcs it reads. */
function readsOf(tb: Toolbox, expr: Expr | undefined, out = { params: new Set<string>(), calcs: new Set<string>() }, names: string[] = []) {
  if (!expr) return out;
  if ('all' in expr) expr.all.forEach((e) => readsOf(tb, e, out, names));
  else if ('any' in expr) expr.any.forEach((e) => readsOf(tb, e, out, names));
  else if ('not' in expr) readsOf(tb, expr.not, out, names);
  else if ('ref' in expr) {
    const named = tb.conditions.find((n) => n.id === expr.ref);
    if (named && !names.includes(expr.ref)) readsOf(tb, named.expr, out, [...names, expr.ref]);
  } else {
    if (expr.param) out.params.add(expr.param);
    if (expr.calc) out.calcs.add(expr.calc);
    const v = expr.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if ('param' in v) out.params.add(v.param);
      if ('calc' in v) out.calcs.add(v.calc);
    }
  }
  return out;
}

/** A text with the parameters its own rule compares with (`rule`) and those its measure uses, through calcs too (`measure`). */
interface TextSite {
  where: string;
  text: Text;
  rule: Set<string>;
  measure: Set<string> | 'any';
  /** Placeholders must name parameters with one value on every date. */
  undatedOnly?: true;
}

function textSites(tb: Toolbox): TextSite[] {
  const out: TextSite[] = [];
  const direct = (...exprs: (Expr | undefined)[]): Set<string> => {
    const reads = { params: new Set<string>(), calcs: new Set<string>() };
    exprs.forEach((e) => readsOf(tb, e, reads));
    return reads.params;
  };
  const ofMeasure = (m: Measure): Set<string> => {
    const reads = { params: new Set<string>(), calcs: new Set<string>(m.quantities) };
    for (const c of [...m.applies, ...m.conditions]) [c.test, c.when].forEach((e) => readsOf(tb, e, reads));
    if (m.obligation) readsOf(tb, m.obligation.when, reads);
    m.steps.forEach((s) => readsOf(tb, s.when, reads));
    [...m.dos, ...m.donts].forEach((a) => readsOf(tb, a.when, reads));
    m.subsidies.forEach((s) => [s.available, s.eligible].forEach((e) => readsOf(tb, e, reads)));
    for (const calc of reads.calcs) calcParams(calc).forEach((p) => reads.params.add(p));
    return reads.params;
  };
  for (const m of tb.measures) {
    const measure = ofMeasure(m);
    const add = (where: string, text: Text | undefined, rule: Set<string>): void => {
      if (text) out.push({ where: `${m.id} ${where}`, text, rule, measure });
    };
    add('summary', m.summary, measure);
    for (const c of [...m.applies, ...m.conditions]) {
      add(`${c.id} text`, c.text, direct(c.test, c.when));
      add(`${c.id} fix`, c.fix, direct(c.test, c.when));
    }
    if (m.obligation) add(`${m.obligation.id} text`, m.obligation.text, direct(m.obligation.when));
    for (const a of [...m.dos, ...m.donts]) add(a.id, a.text, direct(a.when));
    for (const s of m.subsidies) add(`subsidy ${s.scheme}`, s.text, direct(s.available, s.eligible));
  }
  for (const s of tb.steps) out.push({ where: `step ${s.id}`, text: s.description, rule: new Set(), measure: 'any' });
  for (const e of tb.precedence) out.push({ where: `edge ${e.before} → ${e.after}`, text: e.why, rule: new Set(), measure: 'any', undatedOnly: true });
  return out;
}

// ---------------------------------------------------------------- literals

const MONTHS: Record<Lang, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const NUMBER: Record<Lang, RegExp> = {
  nl: /(€ )?(?<![\w.,-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w-])( miljoen| million)?(%| [^\s,.;:()]+)?/g,
  en: /(€ )?(?<![\w.,-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w-])( miljoen| million)?(%| [^\s,.;:()]+)?/g,
};

/** Literal numbers (with the unit written after them, or € before) and dates in a text. */
function literals(text: string, lang: Lang): { literal: string; value: number | string; unit: string | undefined }[] {
  const out: { literal: string; value: number | string; unit: string | undefined }[] = [];
  const months = MONTHS[lang].join('|');
  const dates = new RegExp(`\\b(\\d{1,2}) (${months}) (\\d{4})\\b`, 'g');
  for (const m of text.matchAll(dates)) {
    const month = String(MONTHS[lang].indexOf(m[2]) + 1).padStart(2, '0');
    out.push({ literal: m[0], value: `${m[3]}-${month}-${m[1].padStart(2, '0')}`, unit: 'date' });
  }
  const rest = text.replace(dates, ' ');
  for (const m of rest.matchAll(NUMBER[lang])) {
    const digits = lang === 'nl' ? m[2].replace(/\./g, '').replace(',', '.') : m[2].replace(/,/g, '');
    const value = Number(digits) * (m[3] ? 1_000_000 : 1);
    out.push({ literal: m[0].trim(), value, unit: m[1] ? '€' : m[4]?.trim() });
  }
  return out;
}

/** The unit written matches the parameter's ("kWh" for "kWh/jaar", "%", "€ 2.500" for "€"; English unit words too). */
function unitMatches(written: string | undefined, p: Parameter): boolean {
  if (!written) return false;
  const units = [p.unit, p.unit.split('/')[0], { jaar: 'years', plaatsen: 'spaces' }[p.unit] ?? ''];
  return units.includes(written);
}

/** Units of one kind: a parameter's value written with another unit of its kind ("55 kWp" for 55 kVA) is still its value. */
const KINDS = [['kW', 'kWp', 'kVA', 'MW', 'MWp']];
const sameKind = (written: string | undefined, p: Parameter): boolean =>
  written === undefined || unitMatches(written, p) || KINDS.some((kind) => kind.includes(written) && kind.includes(p.unit));

/** Literals kept on purpose: the same number, another thing. */
const NOT_A_PARAMETER: { where: string; literal: string; why: string }[] = [
  { where: 'edge grid-operator-consultation → vehicle-order', literal: '5 jaar', why: 'the lead time of a grid reinforcement, not the payback duty' },
  { where: 'edge grid-operator-consultation → vehicle-order', literal: '5 years', why: 'the lead time of a grid reinforcement, not the payback duty' },
  { where: 'fleet-charging do-fl-early', literal: '5 jaar', why: 'the lead time of a grid reinforcement, not the payback duty' },
  { where: 'fleet-charging do-fl-early', literal: '5 years', why: 'the lead time of a grid reinforcement, not the payback duty' },
  { where: 'ev-charging do-ev-epbd', literal: '10 plaatsen', why: 'the EU directive’s ratio from 2027 (1 per 10 spaces), not the Dutch new-build threshold' },
  { where: 'step energy-report', literal: '4 jaar', why: 'the reporting duty’s round, not the EED audit interval or the heating inspection interval' },
  { where: 'step energy-report', literal: '4 years', why: 'the reporting duty’s round, not the EED audit interval or the heating inspection interval' },
  { where: 'ev-charging do-ev-epbd', literal: '10 spaces', why: 'the EU directive’s ratio from 2027 (1 per 10 spaces), not the Dutch new-build threshold' },
];

/** Literals equal to a value of a parameter the rule compares with (written without a unit or with one of its kind), or of one its measure uses, with the same unit. */
function literalProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const params = new Map(tb.parameters.map((p) => [p.id, p]));
  for (const site of textSites(tb)) {
    for (const lang of ['nl', 'en'] as const) {
      for (const lit of literals(site.text[lang], lang)) {
        if (NOT_A_PARAMETER.some((x) => x.where === site.where && x.literal === lit.literal)) continue;
        const candidates = site.measure === 'any' ? tb.parameters.map((p) => p.id) : [...new Set([...site.rule, ...site.measure])];
        for (const id of candidates) {
          const p = params.get(id);
          if (!p || !p.values.some((v) => v.value === lit.value)) continue;
          const byUnit = lit.unit === 'date' ? p.unit === 'date' : unitMatches(lit.unit, p);
          if (byUnit || (site.rule.has(id) && lit.unit !== 'date' && p.unit !== 'date' && sameKind(lit.unit, p))) {
            problems.push(`${site.where} [${lang}]: "${lit.literal}" is the value of parameter ${id}; write {param:${id}}`);
          }
        }
      }
    }
  }
  return problems;
}

/** Placeholders that name no parameter, and edge placeholders of a dated parameter. */
function placeholderProblems(tb: Toolbox): string[] {
  const problems: string[] = [];
  const params = new Map(tb.parameters.map((p) => [p.id, p]));
  for (const site of textSites(tb)) {
    for (const lang of ['nl', 'en'] as const) {
      for (const id of placeholderIds(site.text[lang])) {
        const p = params.get(id);
        if (!p) problems.push(`${site.where} [${lang}]: {param:${id}} names no parameter`);
        else if (site.undatedOnly && (p.values.length !== 1 || p.values[0].validFrom || p.values[0].validTo)) problems.push(`${site.where} [${lang}]: {param:${id}} has dated values; an edge reason needs one value on every date`);
      }
    }
    const [nl, en] = [placeholderIds(site.text.nl).sort(), placeholderIds(site.text.en).sort()];
    if (JSON.stringify(nl) !== JSON.stringify(en)) problems.push(`${site.where}: the Dutch and English texts name different parameters (${nl.join(', ')} / ${en.join(', ')})`);
  }
  return problems;
}

// ---------------------------------------------------------------- tests

const tb = bundledToolbox;
const pvRoof = (t: Toolbox) => t.measures.find((m) => m.id === 'pv-roof')!;

describe('toolbox texts: placeholders', () => {
  it('every placeholder names a parameter, in both languages alike; edge reasons only undated ones', () => {
    expect(placeholderProblems(tb)).toEqual([]);
  });

  it('no text writes out a number or date a parameter of its rule or measure holds', () => {
    expect(literalProblems(tb)).toEqual([]);
  });

  it('no text writes a rule symbol ("≥", "≤", "∈", "∉", "≠"): a reader gets words ("ten minste", "hoogstens"), also in labels', () => {
    const labels = [...tb.facts.flatMap((f) => [f.label, ...(f.options ?? []).map((o) => o.label)]), ...tb.conditions.map((c) => c.label), ...tb.calcs.map((c) => c.label), ...tb.parameters.map((p) => p.label)];
    const texts = [...textSites(tb).map((site) => ({ where: site.where, text: site.text })), ...labels.map((text) => ({ where: 'label', text }))];
    expect(texts.flatMap(({ where, text }) => (['nl', 'en'] as const).filter((l) => /[≥≤∈∉≠]/.test(text[l])).map((l) => `${where} [${l}]: ${text[l]}`))).toEqual([]);
  });

  it('the texts use placeholders (the toolbox has them in every kind of text)', () => {
    const kinds = new Set(textSites(tb).filter((s) => placeholderIds(s.text.nl).length > 0).map((s) => s.where.replace(/^\S+ /, '').replace(/^(R|A)-[A-Z0-9-]+ /, '').replace(/^(do|dont)-.*/, '$1').replace(/ .*/, '')));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['do', 'dont', 'fix', 'subsidy', 'summary', 'text']));
  });

  it('the checks are not vacuous: a reintroduced "55 kWp", an unknown placeholder and a dated edge placeholder are reported', () => {
    const broken = structuredClone(tb);
    const fix = pvRoof(broken).conditions.find((c) => c.id === 'R-PV-11')!.fix!;
    fix.nl = fix.nl.replace('{param:smallConnectionMaxKva}', '55 kWp');
    broken.measures.find((m) => m.id === 'ev-charging')!.summary.en += ' From 1 January 2025.';
    broken.steps[0].description.nl += ' {param:noSuchParam}';
    broken.precedence[0].why = { nl: 'tot {param:eiaPvMaxKw}', en: 'up to {param:eiaPvMaxKw}' };
    const literal = literalProblems(broken).join('\n');
    expect(literal).toContain('pv-roof R-PV-11 fix [nl]: "55 kWp" is the value of parameter smallConnectionMaxKva');
    expect(literal).toContain('"1 January 2025" is the value of parameter chargePointExistingFrom');
    const placeholders = placeholderProblems(broken).join('\n');
    expect(placeholders).toContain('{param:noSuchParam} names no parameter');
    expect(placeholders).toContain('{param:eiaPvMaxKw} has dated values');
    expect(placeholders).toContain('the Dutch and English texts name different parameters');
  });
});

describe('toolbox texts: filling', () => {
  const parameter = (id: string) => tb.parameters.find((p) => p.id === id)!;

  it('fills a value with its unit in the UI number format, dates written out and euros sign first; an unknown id stays as written', () => {
    expect(fillParams('tot {param:a} en {param:b}', (id) => (id === 'a' ? '55 kVA' : undefined))).toBe('tot 55 kVA en {param:b}');
    expect(paramText(parameter('energySavingDutyKwh'), 50_000, 'nl')).toBe('50.000 kWh per jaar');
    expect(paramText(parameter('energySavingDutyKwh'), 50_000, 'en')).toBe('50,000 kWh per year');
    expect(paramText(parameter('emlDockHoursPerWeek'), 10, 'nl')).toBe('10 uur per week');
    expect(paramText(parameter('emlShowersPerWeek'), 6, 'en')).toBe('6 showers per week');
    expect(paramText(parameter('storageRegistrationMinKw'), 0.8, 'nl')).toBe('0,8 kW');
    expect(paramText(parameter('eiaMinInvestmentEur'), 2_500, 'nl')).toBe('€ 2.500');
    expect(paramText(parameter('officeLabelCFrom'), '2023-01-01', 'nl')).toBe('1 januari 2023');
    expect(paramText(parameter('officeLabelCFrom'), '2023-01-01', 'en')).toBe('1 January 2023');
  });

  it('without a value (the handbook, or none in force) shows each value with its validity', () => {
    expect(paramText(parameter('eiaPvMaxKw'), undefined, 'nl')).toBe('55 kW vanaf 1 januari 2024 tot 1 januari 2026; 100 kW vanaf 1 januari 2026');
    expect(fillParamsOn('up to {param:isdeMaxKwTh}', 'en', new Map(tb.parameters.map((p) => [p.id, p])), undefined)).toBe('up to 70 kW until 1 January 2023; 400 kW from 1 January 2023');
  });

  it('an assessment fills texts with the values of its date: the ISDE limit was 70 kW before 2023', () => {
    const terrain = { id: 't', name: 'T', facts: {}, buildings: [{ id: 'b1', name: 'B', facts: { heating: 'gas' } }] };
    const isde = (date: string) => assess({ ...terrain, assessmentDate: date }).measures.find((m) => m.measureId === 'heat-pump')!.subsidies.find((s) => s.scheme === 'isde')!;
    expect(isde('2022-06-01').text).toContain('tot 70 kW thermisch');
    expect(isde('2026-06-01').text).toContain('tot 400 kW thermisch');
    expect(isde('2026-06-01').textEn).toContain('up to 400 kW thermal');
  });

  it('a fix names the value the engine assessed with, an own value too', () => {
    const terrain = { id: 't', name: 'T', assessmentDate: '2026-06-01', facts: { connection: 'small' }, buildings: [{ id: 'b1', name: 'B', facts: { roofAreaM2: 5_000, roofType: 'flat' } }] };
    const fixOf = (overrides?: Record<string, number>) => assess(terrain, { parameterOverrides: overrides }).measures.find((m) => m.measureId === 'pv-roof')!.reasons.find((r) => r.ruleId === 'R-PV-11')!;
    expect(fixOf().fix).toContain('tot ongeveer 55 kVA,');
    expect(fixOf({ smallConnectionMaxKva: 40 }).fixEn).toContain('to about 40 kVA,');
  });
});
