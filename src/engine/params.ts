/**
 * Picks the value of every parameter that is valid on the assessment date
 * (OpenFisca-style dated values), with user overrides on top.
 */
import type { Parameter, ParamValue, ParameterValue } from './types';

export interface ResolvedParam {
  value: ParamValue | null;
  unconfirmed: boolean;
  sources: string[];
}

/** The value of one parameter on a date; null when no value is in force. */
export function valueOn(parameter: Parameter, date: string): ParameterValue | undefined {
  return parameter.values.find((v) => (!v.validFrom || v.validFrom <= date) && (!v.validTo || date < v.validTo));
}

/** Resolves all parameters for one date. Overridden values count as user input, not as unconfirmed. */
export function resolveParameters(
  parameters: Parameter[],
  date: string,
  overrides: Record<string, ParamValue> = {},
): Map<string, ResolvedParam> {
  const resolved = new Map<string, ResolvedParam>();
  for (const parameter of parameters) {
    const v = valueOn(parameter, date);
    if (Object.prototype.hasOwnProperty.call(overrides, parameter.id)) {
      resolved.set(parameter.id, { value: overrides[parameter.id], unconfirmed: false, sources: v?.sources ?? [] });
    } else {
      resolved.set(parameter.id, { value: v ? v.value : null, unconfirmed: v?.unconfirmed ?? false, sources: v?.sources ?? [] });
    }
  }
  return resolved;
}
