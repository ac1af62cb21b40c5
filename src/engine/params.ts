/**
 * Picks the value of every parameter that is valid on the assessment date
 * (OpenFisca-style dated values), with user overrides on top.
 */
import { paramSlot, paramSlotCount } from './slots';
import type { Parameter, ParamValue, ParameterValue } from './types';

/** Every parameter's value on one date, by parameter slot. */
export interface ResolvedParams {
  /** null where no value is in force. */
  values: (ParamValue | null)[];
  /** 1 where the value in force is marked UNCONFIRMED (an override is user input, never unconfirmed). */
  unconfirmed: Uint8Array;
}

/** The value of one parameter on a date; null when no value is in force. */
export function valueOn(parameter: Parameter, date: string): ParameterValue | undefined {
  return parameter.values.find((v) => (!v.validFrom || v.validFrom <= date) && (!v.validTo || date < v.validTo));
}

/** Resolves all parameters for one date. */
export function resolveParameters(parameters: Parameter[], date: string, overrides?: Record<string, ParamValue>): ResolvedParams {
  for (const parameter of parameters) paramSlot(parameter.id);
  const size = paramSlotCount();
  const resolved: ResolvedParams = { values: new Array<ParamValue | null>(size).fill(null), unconfirmed: new Uint8Array(size) };
  for (const parameter of parameters) {
    const slot = paramSlot(parameter.id);
    if (overrides && Object.prototype.hasOwnProperty.call(overrides, parameter.id)) {
      resolved.values[slot] = overrides[parameter.id];
      resolved.unconfirmed[slot] = 0;
    } else {
      const v = valueOn(parameter, date);
      resolved.values[slot] = v ? v.value : null;
      resolved.unconfirmed[slot] = v?.unconfirmed ? 1 : 0;
    }
  }
  return resolved;
}
