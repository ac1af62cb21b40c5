/**
 * A rule expression in words, for the handbook (and any reader of a rule without a terrain):
 * "Elektriciteitsverbruik is ten minste 50.000 kWh per jaar of Gasverbruik is ten minste …",
 * through the one formatter (format.ts). A parameter shows its values with their validity; a
 * named condition its label with what it stands for.
 */
import { comparisonWords, dateSubject, formatValue, kindOf, listWords, type ValueKind } from './format';
import { paramText } from './texts';
import type { ToolboxIndex } from './toolbox';
import type { Comparison, Expr, Lang, Operand, Parameter } from './types';

const joins: Record<Lang, { and: string; not: string }> = {
  nl: { and: 'en', not: 'niet' },
  en: { and: 'and', not: 'not' },
};

/** How a parameter's values read: by default each value with its validity ("55 kW tot 1 januari 2026; 100 kW vanaf 1 januari 2026"). */
export type ParamWords = (p: Parameter, lang: Lang) => string;
const byDefault: ParamWords = (p, lang) => paramText(p, undefined, lang);

function subjectWords(c: Comparison, lang: Lang, index: ToolboxIndex, params: ParamWords): string {
  if (c.fact) return index.facts.get(c.fact)?.label[lang] ?? c.fact;
  if (c.calc) return index.calcs.get(c.calc)?.label[lang] ?? c.calc;
  if (c.param) {
    // A parameter as subject (e.g. "SDE++: budget gereserveerd: ja") carries its values and dates too.
    const p = index.parameters.get(c.param);
    return p ? `${p.label[lang]} (${params(p, lang)})` : c.param;
  }
  return dateSubject(lang);
}

function operandWords(operand: Operand, c: Comparison, lang: Lang, index: ToolboxIndex, params: ParamWords): string {
  if (typeof operand === 'object' && operand !== null) {
    if ('param' in operand) {
      const p = index.parameters.get(operand.param);
      return p ? params(p, lang) : operand.param;
    }
    if ('fact' in operand) return index.facts.get(operand.fact)?.label[lang] ?? operand.fact;
    return index.calcs.get(operand.calc)?.label[lang] ?? operand.calc;
  }
  const fact = c.fact ? index.facts.get(c.fact) : undefined;
  const option = typeof operand === 'string' ? fact?.options?.find((o) => o.value === operand) : undefined;
  if (option) return option.label[lang];
  const unit = fact?.unit ?? (c.calc ? index.calcs.get(c.calc)?.unit : undefined);
  return formatValue(operand, lang, typeof operand === 'number' ? unit : undefined);
}

/** The kind of what a comparison compares: the literal's, or a parameter's first value's, or a date for the assessment date. */
function comparisonKind(c: Comparison, index: ToolboxIndex): ValueKind {
  if (c.assessmentDate) return 'date';
  const v = c.value;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'param' in v) return kindOf(index.parameters.get(v.param)?.values[0]?.value);
  return kindOf(v as Comparison['value'] as never);
}

/** An expression in words inside a larger one: alternatives in brackets. */
function inner(expr: Expr, lang: Lang, index: ToolboxIndex, params: ParamWords): string {
  return 'any' in expr ? `(${exprWords(expr, lang, index, params)})` : exprWords(expr, lang, index, params);
}

/**
 * An expression in words. A named condition shows its label and what it stands for, so every
 * threshold stays visible: "Grootverbruikaansluiting (Elektriciteitsaansluiting is grootverbruik)";
 * alternatives inside a larger expression are bracketed, an "all" among alternatives too.
 */
export function exprWords(expr: Expr, lang: Lang, index: ToolboxIndex, params: ParamWords = byDefault): string {
  const words = (e: Expr) => inner(e, lang, index, params);
  if ('all' in expr) return expr.all.map(words).join(` ${joins[lang].and} `);
  if ('any' in expr) return listWords(expr.any.map((x) => ('all' in x ? `(${words(x)})` : words(x))), lang);
  if ('not' in expr) return `${joins[lang].not} (${exprWords(expr.not, lang, index, params)})`;
  if ('ref' in expr) {
    const named = index.conditions.get(expr.ref);
    return named ? `${named.label[lang]} (${exprWords(named.expr, lang, index, params)})` : expr.ref;
  }
  const value = Array.isArray(expr.value) ? expr.value.map((v) => operandWords(v, expr, lang, index, params)) : operandWords(expr.value, expr, lang, index, params);
  return comparisonWords(subjectWords(expr, lang, index, params), expr.op, value, lang, comparisonKind(expr, index));
}
