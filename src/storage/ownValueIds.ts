/**
 * The ids of the own electricity value in its old and kept-aside meaning (src/storage/ownValues.ts
 * lifts it): constants only, so the state can recognise a kept value without loading the toolbox.
 */
export const OLD_MEANING_ID = 'electricityValueEurPerKwh';
/** Where a value that cannot be converted is kept, untouched (the engine does not read it). */
export const KEPT_ID = 'electricityValueInclTaxEurPerKwh';
