/**
 * The handbook's words for rules and texts (no assessment date): a parameter shows each of its
 * values with its validity and "indicatief" where unconfirmed; expressions through the engine's
 * one formatter (`exprWords`).
 */
import { exprWords as engineExprWords, fillParams, formatValue } from '../../engine';
import type { Expr, Lang, Parameter, Text } from '../../engine/types';
import { formatDate, t, tx } from '../../i18n';
import { toolboxIndex } from '../../ui/common';

/** A parameter's values with their validity windows, e.g. "55 kW (tot 1-1-2026); 100 kW (vanaf 1-1-2026)". */
export function parameterValues(p: Parameter, lang: Lang): string {
  return p.values
    .map((v) => {
      const value = typeof v.value === 'number' ? formatValue(v.value, lang, p.unit === '-' ? undefined : p.unit) : formatValue(v.value, lang);
      const window = [v.validFrom ? t('validFrom', { date: formatDate(v.validFrom) }) : '', v.validTo ? t('validTo', { date: formatDate(v.validTo) }) : ''].filter(Boolean).join(' ');
      return `${value}${window ? ` (${window})` : ''}${v.unconfirmed ? ` [${t('indicative')}]` : ''}`;
    })
    .join('; ');
}

/** A toolbox text for the handbook: each placeholder shows its parameter's values with their validity, as the rules in words do. */
export function handbookText(text: Text | undefined, lang: Lang): string {
  return fillParams(tx(text), (id) => {
    const p = toolboxIndex.parameters.get(id);
    return p && parameterValues(p, lang);
  });
}

/** An expression in words: "Dakoppervlak is meer dan 0 m² en Asbest in het dak: nee". */
export const exprWords = (expr: Expr, lang: Lang): string => engineExprWords(expr, lang, toolboxIndex, parameterValues);
