/**
 * The one formatter (src/engine/format.ts, words.ts) and the words a person reads about a verdict:
 * requirements and comparisons in sentences, every rule of the toolbox in words, and every reason
 * sentence, fix and observed/required line of the example terrains and of random terrains (nl and
 * en) free of symbols ("≥", "∈" …), raw ids and unfilled placeholders.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, bundledToolbox, comparisonWords, exprWords, formatRequirement, formatValue, indexToolbox, requirementWords, type Assessment, type Expr, type Lang, type Terrain } from '../../src/engine/index';
import { validTerrainArb } from './helpers/terrainArbitraries';

const index = indexToolbox(bundledToolbox);
const LANGS: Lang[] = ['nl', 'en'];

/** Symbols and notation no reader should meet. */
const SYMBOLS = /[≥≤∈∉≠{}]|<=|>=|!=|==|\bundefined\b|\bnull\b|\bNaN\b|\[object/;
/** Every label of a fact or option, in both languages: an id that is also a word of these ("zero-emission") is no raw id. */
const LABELS = bundledToolbox.facts.flatMap((f) => [f.label, ...(f.options ?? []).map((o) => o.label)]).flatMap((l) => [l.nl, l.en]).join(' ').toLowerCase();
/** Ids a reader should never see: fact, parameter and calc ids and option values that are not words ("roofAreaM2", "pur-pir", "no-access"). */
const RAW_IDS = new Set(
  [...bundledToolbox.facts.map((f) => f.id), ...bundledToolbox.parameters.map((p) => p.id), ...bundledToolbox.calcs.map((c) => c.id), ...bundledToolbox.facts.flatMap((f) => (f.options ?? []).map((o) => o.value))].filter(
    (id) => /[a-z][A-Z]|[-_\d]/.test(id) && !LABELS.includes(id.toLowerCase()),
  ),
);
const RAW = new RegExp(`(?<![\\w-])(${[...RAW_IDS].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w-])`);

/** What is wrong with a text a person reads, or null. */
function problem(text: string | undefined): string | null {
  if (text === undefined) return null;
  const symbol = SYMBOLS.exec(text);
  if (symbol) return `"${symbol[0]}" in: ${text}`;
  const raw = RAW.exec(text);
  return raw ? `raw id "${raw[0]}" in: ${text}` : null;
}

/** Every text of an assessment a person reads about a reason, as the card and the report show it. */
function readTexts(a: Assessment): string[] {
  const out: string[] = [];
  for (const m of a.measures) {
    for (const r of m.reasons) {
      out.push(r.text, r.textEn, r.fix ?? '', r.fixEn ?? '');
      const fact = r.factId ? index.facts.get(r.factId) : undefined;
      const unit = fact?.unit ?? (r.calcId ? index.calcs.get(r.calcId)?.unit : undefined);
      for (const lang of LANGS) {
        const label = fact?.options ? (v: string) => fact.options!.find((o) => o.value === v)?.label[lang] ?? v : undefined;
        out.push(formatValue(r.observed, lang, unit, label), formatRequirement(r.expected, lang, unit, label));
      }
    }
  }
  for (const p of a.plan) for (const r of p.reasons) out.push(r.text, r.textEn);
  for (const d of [...a.dos, ...a.donts]) out.push(d.text, d.textEn);
  return out;
}

function problemsOf(a: Assessment): string[] {
  return readTexts(a).map(problem).filter((p): p is string => p !== null);
}

const examples: Terrain[] = readdirSync('toolbox-data/examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`toolbox-data/examples/${f}`, 'utf8')) as Terrain);

/** Every expression of the toolbox, with where it stands. */
function allExprs(): { where: string; expr: Expr }[] {
  const out: { where: string; expr: Expr }[] = bundledToolbox.conditions.map((c) => ({ where: `condition ${c.id}`, expr: c.expr }));
  for (const m of bundledToolbox.measures) {
    for (const c of [...m.applies, ...m.conditions]) {
      out.push({ where: `${m.id} ${c.id}`, expr: c.test });
      if (c.when) out.push({ where: `${m.id} ${c.id} when`, expr: c.when });
    }
    if (m.obligation) out.push({ where: `${m.id} ${m.obligation.id}`, expr: m.obligation.when });
    for (const s of m.steps) if (s.when) out.push({ where: `${m.id} step ${s.step}`, expr: s.when });
    for (const a of [...m.dos, ...m.donts]) if (a.when) out.push({ where: `${m.id} ${a.id}`, expr: a.when });
  }
  return out;
}

describe('the one formatter', () => {
  it('writes requirements and comparisons as sentences with units, never a symbol', () => {
    expect(requirementWords('gte', '50.000 kWh per jaar', 'nl')).toBe('ten minste 50.000 kWh per jaar');
    expect(comparisonWords('verbruik', 'gte', formatValue(50_000, 'nl', 'kWh/jaar'), 'nl')).toBe('verbruik ten minste 50.000 kWh per jaar');
    expect(comparisonWords('Dakisolatie', 'nin', ['EPS', 'PUR/PIR'], 'nl')).toBe('Dakisolatie is geen EPS of PUR/PIR');
    expect(comparisonWords('Roof insulation', 'nin', ['EPS', 'PUR/PIR'], 'en')).toBe('Roof insulation is not EPS or PUR/PIR');
    expect(comparisonWords('Energielabel', 'in', ['A', 'B', 'C'], 'nl')).toBe('Energielabel is A, B of C');
    expect(comparisonWords('Beschaduwing', 'ne', 'veel', 'nl')).toBe('Beschaduwing is niet veel');
    expect(comparisonWords('Asbest in het dak', 'eq', 'nee', 'nl', 'boolean')).toBe('Asbest in het dak: nee');
    expect(comparisonWords('Asbest in het dak', 'ne', 'ja', 'nl', 'boolean')).toBe('Asbest in het dak: nee');
    expect(comparisonWords('Peildatum', 'lt', '1 april 2026', 'nl', 'date')).toBe('Peildatum vóór 1 april 2026');
    expect(comparisonWords('Assessment date', 'gte', '1 January 2025', 'en', 'date')).toBe('Assessment date from 1 January 2025');
    expect(formatRequirement({ op: 'lte', value: 55 }, 'nl', 'kWp')).toBe('hoogstens 55 kWp');
    expect(formatRequirement({ op: 'gt', value: 0 }, 'en', 'm²')).toBe('more than 0 m²');
    expect(formatRequirement({ op: 'eq', value: true }, 'nl')).toBe('ja');
    expect(formatRequirement({ op: 'lt', value: '2026-04-01' }, 'nl')).toBe('vóór 1-4-2026');
  });

  it('says the energy-saving duty as "verbruik ten minste 50.000 kWh per jaar", the number from its parameter', () => {
    const duty = index.conditions.get('energySavingDuty')!;
    const kwh = index.parameters.get('energySavingDutyKwh')!;
    const words = exprWords(duty.expr, 'nl', index);
    expect(words).toContain(`Elektriciteitsverbruik ten minste ${formatValue(kwh.values[0].value as number, 'nl', 'kWh/jaar')}`);
    expect(words).toContain('50.000 kWh per jaar');
  });

  it('writes every rule of the toolbox in words, in Dutch and English, without symbols or raw ids', () => {
    const problems = allExprs().flatMap(({ where, expr }) => LANGS.map((lang) => problem(exprWords(expr, lang, index))).filter(Boolean).map((p) => `${where}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('an obligation text states the duty in words (no {observed}), so the handbook shows it as the assessment does', () => {
    const templated = bundledToolbox.measures.flatMap((m) => (m.obligation && /\{(observed|expected|limit)\}/.test(`${m.obligation.text.nl} ${m.obligation.text.en}`) ? [m.obligation.id] : []));
    expect(templated).toEqual([]);
  });

  it('the check itself finds a symbol, a raw id and an unfilled placeholder', () => {
    expect(problem('Dakisolatie ∉ {EPS, PUR/PIR}')).not.toBeNull();
    expect(problem('Vereist: roofAreaM2 meer dan 0')).not.toBeNull();
    expect(problem('Dakisolatie is pur-pir')).not.toBeNull();
    expect(problem('verbruik {observed}')).not.toBeNull();
    expect(problem('Dakisolatie is geen EPS of PUR/PIR')).toBeNull();
  });
});

/** A fix that says there is nothing to do. */
const NOTHING_TO_DO = /geen actie|no action/i;

/** Every status/text pair that must agree, for one assessment; what disagrees. */
function contradictions(a: Assessment): string[] {
  const out: string[] = [];
  for (const m of a.measures) {
    const where = `${m.measureId}/${m.buildingId ?? 'terrain'} (${m.status})`;
    for (const r of m.reasons) {
      // Nothing-to-do fixes never show, and an applicability rule (does the measure apply at all?) has no fix.
      if (NOTHING_TO_DO.test(`${r.fix ?? ''} ${r.fixEn ?? ''}`)) out.push(`${where} ${r.ruleId}: fix "${r.fix}"`);
      if (r.kind === 'applicability' && (r.fix || r.fixEn)) out.push(`${where} ${r.ruleId}: a fix on an applicability rule`);
      if (r.kind === 'obligation') {
        const unknown = /^Nog onbekend of deze plicht/.test(r.text) && /^Not yet known whether this duty/.test(r.textEn);
        // An obligation whose status is unknown says so first; one that holds never says it is unknown.
        if ((m.obligation === null) !== unknown || (m.obligation === null) !== (r.outcome === 'unknown')) out.push(`${where} ${r.ruleId}: obligation ${m.obligation}, outcome ${r.outcome}, text "${r.text}"`);
      }
    }
    if (m.status === 'feasible' && m.reasons.some((r) => r.outcome !== 'pass' && r.kind !== 'obligation')) out.push(`${where}: a failed or unknown reason on a feasible verdict`);
    if (m.obligation === null && !m.reasons.some((r) => r.kind === 'obligation')) out.push(`${where}: obligation unknown without its reason`);
  }
  return out;
}

const DATES = ['2023-06-30', '2025-01-01', '2026-12-01', '2027-01-01', '2030-06-01'];

/** A check of an assessment's words over the example terrains on several dates and, as a property, over random terrains. */
function everywhere(check: (a: Assessment) => string[], numRuns: number): void {
  expect(examples.flatMap((t) => DATES.flatMap((date) => check(assess({ ...t, assessmentDate: date }))))).toEqual([]);
  fc.assert(
    fc.property(validTerrainArb, (t) => {
      expect(check(assess(t))).toEqual([]);
    }),
    { numRuns },
  );
}

describe('the words of every verdict (example terrains and random terrains)', { timeout: 60_000 }, () => {
  it('every reason, fix and observed/required value reads without symbols or raw ids', () => everywhere(problemsOf, 150));

  it('a status and its own text agree: no "nothing to do" fix, an unknown duty never said to hold', () => everywhere(contradictions, 300));
});

describe('a status and its own text agree', () => {
  const office = (facts: Record<string, unknown>): Terrain => ({
    id: 't',
    name: 'Kantoren',
    assessmentDate: '2026-12-01',
    facts: {},
    buildings: [{ id: 'k', name: 'Kantoor', facts: { floorAreaM2: 1000, officeAreaM2: 800, energyLabel: 'D', ...facts } }],
  });
  const labelC = (t: Terrain) => assess(t).measures.find((m) => m.measureId === 'office-label-c')!;

  it('a label-D office with its monument status unknown: needs information, the duty not yet known, no "Geen actie nodig"', () => {
    const m = labelC(office({}));
    expect(m.status).toBe('needs-info');
    expect(m.obligation).toBeNull();
    const texts = m.reasons.map((r) => `${r.text} ${r.fix ?? ''}`).join(' ');
    expect(texts).not.toMatch(/Geen actie nodig/);
    expect(texts).toContain('Nog onbekend: Monumentstatus.');
    expect(m.reasons.find((r) => r.kind === 'obligation')!.text).toMatch(/^Nog onbekend of deze plicht hier geldt\. Label-C-plicht: /);
    // Known not to be a monument and with no other exemption (A-LBL-05), the duty holds and the label is the condition that fails.
    const known = labelC(office({ monument: 'none', labelCExemption: 'none' }));
    expect(known.obligation).toBe(true);
    expect(known.reasons.find((r) => r.kind === 'obligation')!.text).toMatch(/^Label-C-plicht: /);
    expect(known.reasons.find((r) => r.ruleId === 'R-LBL-01')!.outcome).toBe('fail');
  });

  const roof = (facts: Record<string, unknown>): Terrain => ({
    id: 't',
    name: 'Daken',
    assessmentDate: '2026-12-01',
    facts: {},
    buildings: [{ id: 'h', name: 'Hal', facts: { roofAreaM2: 2000, roofType: 'flat', ...facts } }],
  });
  const pvRoof = (t: Terrain) => assess(t).measures.find((m) => m.measureId === 'pv-roof')!;

  it('asbestos in the roof: the PV verdict says "eerst saneren", and its fix who removes it', () => {
    const r = pvRoof(roof({ asbestos: true })).reasons.find((x) => x.ruleId === 'R-PV-01')!;
    expect(r.outcome).toBe('fail');
    expect(r.text).toContain('eerst saneren');
    expect(r.textEn).toContain('remove it first');
    expect(r.fix).toContain('gecertificeerd bedrijf');
    expect(pvRoof(roof({ asbestos: false })).reasons.find((x) => x.ruleId === 'R-PV-01')).toBeUndefined();
  });

  it('an open test of more than one comparison is required as a whole: the insurer route beside the non-combustible roof', () => {
    const r = pvRoof(roof({})).reasons.find((x) => x.ruleId === 'R-PV-05')!;
    expect(r.outcome).toBe('unknown');
    expect(r.text).toBe('Nog onbekend: Dakisolatie, Sandwichpanelen, Verzekeraar geïnformeerd en akkoord. Vereist: (Dakisolatie is geen EPS (piepschuim) of PUR/PIR en Sandwichpanelen: nee) of Verzekeraar geïnformeerd (Verzekeraar geïnformeerd en akkoord: ja).');
    // One comparison stays one: "Vereist: Vrije draagkracht dak ten minste 20 kg/m²."
    expect(pvRoof(roof({})).reasons.find((x) => x.ruleId === 'R-PV-02')!.text).toBe('Nog onbekend: Vrije draagkracht dak. Vereist: Vrije draagkracht dak ten minste 20 kg/m².');
  });

  it('a PV potential resting on unknown existing panels is marked as a maximum; with the panels known it is exact', () => {
    const bound = pvRoof(roof({}));
    expect(bound.potential?.upperBound).toBe(true);
    expect(bound.quantities.find((q) => q.id === 'pvKwp')?.upperBound).toBe(true);
    const exact = pvRoof(roof({ existingPvKwp: 0 }));
    expect(exact.potential?.upperBound).toBeUndefined();
    expect(exact.quantities.find((q) => q.id === 'pvKwp')?.upperBound).toBeUndefined();
    expect(exact.potential?.kwp).toBe(bound.potential?.kwp);
  });
});
