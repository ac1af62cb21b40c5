/**
 * Checking an assessment against a scenario's expectations: only what the scenario gives is
 * checked, and every failure says what the engine actually returned (the measure's reasons,
 * the plan, the next questions, the advice).
 */
import { bundledToolbox, type Assessment, type MeasureResult } from '../../../src/engine/index';
import type { MeasureExpectation, QuantityExpectation, Scenario } from './scenarios';

const label = (measureId: string, buildingId?: string): string => `${measureId}${buildingId ? '@' + buildingId : ''}`;
const show = (v: unknown): string => JSON.stringify(v);

/** A quantity of the result, or one of its business case by the calc the measure's data names for it. */
function quantityValue(m: MeasureResult, id: string): { value: number | null } | undefined {
  const q = m.quantities.find((x) => x.id === id);
  if (q) return q;
  const spec = bundledToolbox.measures.find((x) => x.id === m.measureId)?.business;
  if (!spec || !m.business) return undefined;
  if (spec.investment === id) return { value: m.business.investmentEur };
  if (spec.savings === id) return { value: m.business.savingsEurPerYear };
  if (spec.payback === id) return { value: m.business.paybackYears };
  return undefined;
}

/** What the engine said about one measure, for failure messages. */
function describeMeasure(m: MeasureResult): string {
  const lines = [`    actual ${label(m.measureId, m.buildingId)}: status=${m.status} obligation=${show(m.obligation)}`];
  for (const r of m.reasons) {
    const subject = r.factId ?? (r.calcId ? `calc:${r.calcId}` : '-');
    const expected = r.expected ? ` expected ${r.expected.op} ${show(r.expected.value)}` : '';
    lines.push(`      ${r.ruleId} [${r.outcome}] ${subject} observed=${show(r.observed)}${expected} resolvedBy=${show(r.resolvedBy)} — ${r.text}`);
  }
  if (!m.reasons.length) lines.push('      (no reasons)');
  lines.push(`      missingFacts=${show(m.missingFacts)}`);
  lines.push(`      steps=${show(m.steps)}`);
  if (m.quantities.length) lines.push(`      quantities=${m.quantities.map((q) => `${q.id}=${q.value}`).join(', ')}`);
  if (m.subsidies.length) lines.push(`      subsidies=${m.subsidies.map((x) => `${x.scheme}:${x.status}`).join(', ')}`);
  return lines.join('\n');
}

function findMeasure(result: Assessment, measureId: string, buildingId?: string): MeasureResult | undefined {
  return result.measures.find((m) => m.measureId === measureId && (m.buildingId ?? undefined) === buildingId);
}

function inRange(value: number | null, q: QuantityExpectation): boolean {
  if (q.value !== undefined) return value === q.value;
  if (value === null) return false;
  return (q.min === undefined || value >= q.min) && (q.max === undefined || value <= q.max);
}

function checkMeasure(result: Assessment, e: MeasureExpectation): string[] {
  const m = findMeasure(result, e.measureId, e.buildingId);
  const name = label(e.measureId, e.buildingId);
  if (!m) return [`${name}: no verdict in the result`];
  const p: string[] = [];
  if (e.status !== undefined && m.status !== e.status) p.push(`${name}: status ${m.status}, expected ${e.status}`);
  if (e.statusNot?.includes(m.status)) p.push(`${name}: status ${m.status}, expected none of ${show(e.statusNot)}`);
  if (e.obligation !== undefined && m.obligation !== e.obligation) p.push(`${name}: obligation ${show(m.obligation)}, expected ${show(e.obligation)}`);
  const rules = m.reasons.map((r) => r.ruleId);
  for (const id of e.reasonRuleIds ?? []) if (!rules.includes(id)) p.push(`${name}: reason ${id} missing`);
  for (const id of e.reasonRuleIdsExclude ?? []) if (rules.includes(id)) p.push(`${name}: reason ${id} present, expected absent`);
  for (const want of e.reasons ?? []) {
    const candidates = m.reasons.filter((r) => r.ruleId === want.ruleId);
    const ok = candidates.some(
      (r) =>
        (want.outcome === undefined || r.outcome === want.outcome) &&
        (want.factId === undefined || r.factId === want.factId) &&
        (want.calcId === undefined || r.calcId === want.calcId) &&
        (want.observed === undefined || r.observed === want.observed) &&
        (want.resolvedBy ?? []).every((s) => r.resolvedBy.includes(s)) &&
        (want.factIds ?? []).every((f) => r.factIds.includes(f)),
    );
    if (!ok) p.push(`${name}: no reason matching ${show(want)}`);
  }
  for (const s of e.steps ?? []) if (!m.steps.includes(s)) p.push(`${name}: step ${s} missing`);
  for (const s of e.stepsExclude ?? []) if (m.steps.includes(s)) p.push(`${name}: step ${s} present, expected absent`);
  for (const f of e.missingFacts ?? []) if (!m.missingFacts.includes(f)) p.push(`${name}: missing fact ${f} not reported`);
  for (const f of e.missingFactsExclude ?? []) if (m.missingFacts.includes(f)) p.push(`${name}: fact ${f} reported missing, expected not`);
  for (const q of e.quantities ?? []) {
    const actual = quantityValue(m, q.id);
    if (!actual) p.push(`${name}: quantity ${q.id} not in the result`);
    else if (!inRange(actual.value, q)) {
      const want = q.value !== undefined ? show(q.value) : `[${q.min ?? '-∞'}, ${q.max ?? '∞'}]`;
      p.push(`${name}: quantity ${q.id} = ${show(actual.value)}, expected ${want}`);
    }
  }
  if (p.length) p.push(describeMeasure(m));
  return p;
}

/** True when the plan's precedence reasons lead from `later` back to `earlier` (directly or through other plan steps). */
function justifiedBy(result: Assessment, later: string, earlier: string): boolean {
  const byId = new Map(result.plan.map((x) => [x.stepId, x]));
  const seen = new Set<string>([later]);
  const queue = [later];
  while (queue.length) {
    for (const r of byId.get(queue.shift()!)?.reasons ?? []) {
      if (r.after === earlier) return true;
      if (!seen.has(r.after)) {
        seen.add(r.after);
        queue.push(r.after);
      }
    }
  }
  return false;
}

export function checkScenario(s: Scenario, result: Assessment): string[] {
  const e = s.expect;
  const p: string[] = [];
  for (const m of e.measures ?? []) p.push(...checkMeasure(result, m));

  for (const sub of e.subsidies ?? []) {
    const m = findMeasure(result, sub.measureId, sub.buildingId);
    const name = `${label(sub.measureId, sub.buildingId)} ${sub.scheme}`;
    const actual = m?.subsidies.find((x) => x.scheme === sub.scheme);
    if (!m || !actual) p.push(`${name}: no subsidy result`);
    else if (actual.status !== sub.status) p.push(`${name}: subsidy ${actual.status}, expected ${sub.status}\n${describeMeasure(m)}`);
  }

  const plan = result.plan.map((x) => x.stepId);
  const planText = `    actual plan: ${plan.join(' > ') || '(empty)'}`;
  const planProblems: string[] = [];
  for (const [a, b] of e.planOrder ?? []) {
    const ia = plan.indexOf(a);
    const ib = plan.indexOf(b);
    if (ia < 0 || ib < 0) planProblems.push(`plan order ${a} → ${b}: ${[ia < 0 ? a : '', ib < 0 ? b : ''].filter(Boolean).join(' and ')} not in the plan`);
    else if (ia > ib) planProblems.push(`plan order ${a} → ${b}: ${b} comes first`);
    else if (!justifiedBy(result, b, a)) {
      const reasons = result.plan[ib].reasons.map((r) => r.after).join(', ') || 'none';
      planProblems.push(`plan order ${a} → ${b}: order holds only by phase/priority; no precedence reason of ${b} leads back to ${a} (its reasons: ${reasons})`);
    }
  }
  for (const s2 of e.planIncludes ?? []) if (!plan.includes(s2)) planProblems.push(`plan: ${s2} missing`);
  for (const s2 of e.planExcludes ?? []) {
    if (plan.includes(s2)) {
      const item = result.plan.find((x) => x.stepId === s2)!;
      planProblems.push(`plan: ${s2} present (for ${item.measureIds.join(', ')} ${item.buildingIds.join(', ')}), expected absent`);
    }
  }
  for (const w of e.planWeeks ?? []) {
    const item = result.plan.find((x) => x.stepId === w.stepId);
    if (!item) { planProblems.push(`plan weeks: ${w.stepId} not in the plan`); continue; }
    const actual = { startWeek: item.startWeek, endWeek: item.endWeek, critical: item.critical, waitsFor: item.waitsForWindow ? item.waitsForWindow.opens : undefined };
    for (const key of ['startWeek', 'endWeek', 'critical', 'waitsFor'] as const) {
      if (w[key] !== undefined && actual[key] !== w[key]) planProblems.push(`plan weeks: ${w.stepId} ${key} ${show(actual[key])}, expected ${show(w[key])}`);
    }
  }
  if (e.timelineWeeks !== undefined && result.timeline.weeks !== e.timelineWeeks) planProblems.push(`timeline: ${result.timeline.weeks} weeks, expected ${e.timelineWeeks}`);
  if (planProblems.length) p.push(...planProblems, result.plan.length ? `${planText}\n    actual weeks: ${result.plan.map((x) => `${x.stepId} ${x.startWeek}–${x.endWeek}${x.critical ? '*' : ''}`).join(', ')}` : planText);

  const questions = result.nextQuestions.map((q) => q.factId);
  const questionsText = `    actual next questions: ${result.nextQuestions.map((q) => `${q.factId}(${q.count})`).join(', ') || '(none)'}`;
  const qProblems: string[] = [];
  if (e.nextQuestionsFirst !== undefined && questions[0] !== e.nextQuestionsFirst) qProblems.push(`next question: ${show(questions[0])} first, expected ${e.nextQuestionsFirst}`);
  for (const f of e.nextQuestionsInclude ?? []) if (!questions.includes(f)) qProblems.push(`next questions: ${f} missing`);
  for (const f of e.nextQuestionsExclude ?? []) if (questions.includes(f)) qProblems.push(`next questions: ${f} present, expected absent`);
  if (qProblems.length) p.push(...qProblems, questionsText);

  const advice = (kind: string, list: { id: string }[], include?: string[], exclude?: string[]): void => {
    const got = list.map((d) => d.id);
    const problems: string[] = [];
    for (const id of include ?? []) if (!got.includes(id)) problems.push(`${kind}: ${id} missing`);
    for (const id of exclude ?? []) if (got.includes(id)) problems.push(`${kind}: ${id} present, expected absent`);
    if (problems.length) p.push(...problems, `    actual ${kind}: ${got.join(', ') || '(none)'}`);
  };
  advice('dos', result.dos, e.dosInclude, e.dosExclude);
  advice("don'ts", result.donts, e.dontsInclude, e.dontsExclude);

  for (const x of e.eml ?? []) {
    const list = result.eml.find((c) => c.buildingId === x.buildingId);
    const actual = list ? `    actual EML ${x.buildingId}: duty=${show(list.duty)} ${list.items.map((i) => `${i.code}:${i.status}${i.factId ? `(${i.factId})` : ''}${i.missingFacts.length ? `?${i.missingFacts.join(',')}` : ''}`).join(' ') || '(no items)'}` : `    no EML checklist for ${x.buildingId}`;
    const problems: string[] = [];
    if (x.duty !== undefined && list?.duty !== x.duty) problems.push(`EML ${x.buildingId}: duty ${show(list?.duty)}, expected ${show(x.duty)}`);
    for (const want of x.items ?? []) {
      const got = list?.items.find((i) => i.code === want.code);
      if (!got) problems.push(`EML ${x.buildingId} ${want.code}: missing`);
      else {
        if (got.status !== want.status) problems.push(`EML ${x.buildingId} ${want.code}: ${got.status}, expected ${want.status}`);
        if (want.factId !== undefined && got.factId !== want.factId) problems.push(`EML ${x.buildingId} ${want.code}: decided by ${show(got.factId)}, expected ${want.factId}`);
        if (want.missingFacts && show(got.missingFacts) !== show(want.missingFacts)) problems.push(`EML ${x.buildingId} ${want.code}: missing ${show(got.missingFacts)}, expected ${show(want.missingFacts)}`);
      }
    }
    if (problems.length) p.push(...problems, actual);
  }
  return p;
}
