/**
 * The ids of the own electricity value in its old and kept-aside meaning (src/storage/ownValues.ts
 * lifts it), and the move aside itself: nothing imported, so the state and the database's version
 * step can use them without loading the toolbox.
 */
export const OLD_MEANING_ID = 'electricityValueEurPerKwh';
/** Where a value that cannot be converted is kept, untouched (the engine does not read it). */
export const KEPT_ID = 'electricityValueInclTaxEurPerKwh';

/** The record with an own value of the old meaning moved under KEPT_ID, as it was (not converted); the record itself when it has none. */
export function setOldMeaningAside<T extends { parameterOverrides?: Record<string, unknown> }>(record: T): T {
  const own = record.parameterOverrides;
  const value = own?.[OLD_MEANING_ID];
  if (!own || typeof value !== 'number') return record;
  const { [OLD_MEANING_ID]: _old, ...rest } = own;
  return { ...record, parameterOverrides: { ...rest, [KEPT_ID]: value } };
}
