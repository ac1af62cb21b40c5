/**
 * Rule expressions in words for the handbook: "Dakoppervlak is groter dan 0 m² en Asbest in het dak is nee",
 * with parameter values and their validity dates spelled out.
 */
import { fillParams, formatValue, OPERATORS, unitIn } from '../../engine';
import type { Comparison, Expr, Lang, Operand, Parameter, Text } from '../../engine/types';
import { formatDate, t, tx } from '../../i18n';
import { toolboxIndex } from '../../ui/common';
import { calcLabel, factLabel, optionLabel } from '../../ui/labels';

/** A parameter's values with their validity windows, e.g. "55 kW tot 1 januari 2026; 100 kW vanaf 1 januari 2026". */
export function parameterValues(p: Parameter, lang: Lang): string {
  return p.values
    .map((v) => {
      const value = typeof v.value === 'number' ? formatValue(v.value, lang, p.unit === '-' ? undefined : p.unit) : formatValue(v.value, lang);
      const window = [v.validFrom ? t('validFrom', { date: formatDate(v.validFrom) }) : '', v.validTo ? t('validTo', { date: formatDate(v.validTo) }) : ''].filter(Boolean).join(' ');
      return `${value}${window ? ` (${window})` : ''}${v.unconfirmed ? ` [${t('indicative')}]` : ''}`;
    })
    .join('; ');
}

/** A toolbox text for the handbook (no assessment date): each placeholder shows its parameter's values with their validity, as the rules in words do. */
export function handbookText(text: Text | undefined, lang: Lang): string {
  return fillParams(tx(text), (id) => {
    const p = toolboxIndex.parameters.get(id);
    return p && parameterValues(p, lang);
  });
}

function subjectWords(c: Comparison, lang: Lang): string {
  if (c.fact) return factLabel(c.fact);
  if (c.calc) return calcLabel(c.calc);
  if (c.param) {
    // A parameter as subject (e.g. "SDE++: budget gereserveerd = ja") carries its values and dates too.
    const p = toolboxIndex.parameters.get(c.param);
    return p ? `${tx(p.label)} (${parameterValues(p, lang)})` : c.param;
  }
  return t('assessmentDateWord');
}

function operandWords(operand: Operand, c: Comparison, lang: Lang): string {
  if (typeof operand === 'object' && operand !== null) {
    if ('param' in operand) {
      const p = toolboxIndex.parameters.get(operand.param);
      return p ? `${tx(p.label)} (${parameterValues(p, lang)})` : operand.param;
    }
    if ('fact' in operand) return tx(toolboxIndex.facts.get(operand.fact)?.label);
    return calcLabel(operand.calc);
  }
  const fact = c.fact ? toolboxIndex.facts.get(c.fact) : undefined;
  const option = optionLabel(c.fact);
  if (typeof operand === 'string' && option) return option(operand);
  const unit = fact?.unit ?? (c.calc ? toolboxIndex.calcs.get(c.calc)?.unit : undefined);
  return formatValue(operand, lang, typeof operand === 'number' && unit ? unitIn(unit, lang) : undefined);
}

/**
 * An expression in words. A named condition shows its label and what it stands for, so every
 * threshold stays visible: "Grootverbruikaansluiting [Elektriciteitsaansluiting = grootverbruik]".
 */
export function exprWords(expr: Expr, lang: Lang): string {
  if ('all' in expr) return expr.all.map((e) => exprWords(e, lang)).join(` ${t('and')} `);
  if ('any' in expr) return `(${expr.any.map((e) => exprWords(e, lang)).join(` ${t('or')} `)})`;
  if ('not' in expr) return `${t('not')} (${exprWords(expr.not, lang)})`;
  if ('ref' in expr) {
    const named = toolboxIndex.conditions.get(expr.ref);
    return named ? `${tx(named.label)} [${exprWords(named.expr, lang)}]` : expr.ref;
  }
  const value = Array.isArray(expr.value) ? expr.value.map((v) => operandWords(v, expr, lang)).join(', ') : operandWords(expr.value, expr, lang);
  return `${subjectWords(expr, lang)} ${OPERATORS[expr.op].words[lang]} ${value}`;
}
