/** A measure's figures in words: its potential, and its business case (investment, yearly saving and payback, "indicatief" where it rests on an unconfirmed value, and the values it used); assessment card and report. */
import type { MeasureResult } from '../engine/types';
import { formatNumber, formatQuantity, t, tx } from '../i18n';
import { IndicativeBadge, toolboxIndex } from './common';

type Business = NonNullable<MeasureResult['business']>;

/** A generation measure's potential: "514,5 kWp · 432,2 MWh/jaar", a maximum as "max. 514,5 kWp · max. 432,2 MWh/jaar". */
export function potentialText(p: NonNullable<MeasureResult['potential']>): string {
  const bound = (s: string, v: number | null) => (p.upperBound && v !== null ? t('upTo', { value: s }) : s);
  const kwp = bound(formatQuantity(p.kwp, 'kWp'), p.kwp);
  return p.kwhPerYear === null ? kwp : `${kwp} · ${bound(formatQuantity(p.kwhPerYear / 1000, t('mwhPerYear')), p.kwhPerYear)}`;
}

/** The three figures as text: unknown as "onbekend", an upper bound as "max. …", no positive saving as "verdient zich niet terug". */
export function businessFigures(b: Business): { investment: string; savings: string; payback: string } {
  const euro = (v: number | null) => (v === null ? t('unknown') : `€ ${formatNumber(v)}`);
  const upTo = (s: string, v: number | null) => (b.upperBound && v !== null ? t('upTo', { value: s }) : s);
  const never = b.paybackYears === null && b.savingsEurPerYear !== null && b.savingsEurPerYear <= 0;
  return {
    investment: upTo(euro(b.investmentEur), b.investmentEur),
    savings: upTo(euro(b.savingsEurPerYear), b.savingsEurPerYear),
    payback: never ? t('neverPaysBack') : formatQuantity(b.paybackYears, t('years')),
  };
}

/** The labels of the values a business case used, in the UI language. */
export const valueLabels = (b: Business): string[] => b.parameterIds.map((id) => tx(toolboxIndex.parameters.get(id)?.label) || id);

export function BusinessCase({ business }: { business: Business }) {
  const f = businessFigures(business);
  return (
    <div class="business">
      <h4>
        {t('businessCase')} {business.indicative && <IndicativeBadge />}
      </h4>
      <dl>
        <div>
          <dt>{t('investment')}</dt>
          <dd>{f.investment}</dd>
        </div>
        <div>
          <dt>{t('savingsPerYear')}</dt>
          <dd>{f.savings}</dd>
        </div>
        <div>
          <dt>{t('payback')}</dt>
          <dd>{f.payback}</dd>
        </div>
      </dl>
      <details class="business-params">
        <summary>{t('valuesUsed')}</summary>
        <ul>
          {valueLabels(business).map((label, i) => (
            <li key={business.parameterIds[i]}>{label}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
