// The check character of support codes: Damm's algorithm over the 32-element field GF(2^5).
// x∘y = 2·x ⊕ y is a totally anti-symmetric quasigroup, so every single wrong character and every
// swap of two neighbouring characters (the check character included) changes the result.

/** x^5 + x^2 + 1, a primitive polynomial of degree 5. */
const FIELD_POLYNOMIAL = 0b100101;

/** Multiplies a field element by 2 (the element x). */
function timesTwo(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ FIELD_POLYNOMIAL : shifted;
}

/** The Damm interim value after a run of 0..31 values. */
export function dammInterim(values: readonly number[]): number {
  let interim = 0;
  for (const value of values) interim = timesTwo(interim) ^ value;
  return interim;
}

/** The value to append so the whole run checks to 0. */
export function dammCheckValue(values: readonly number[]): number {
  return timesTwo(dammInterim(values));
}

/** True when a run that ends with its check value is intact. */
export function dammValid(valuesWithCheck: readonly number[]): boolean {
  return dammInterim(valuesWithCheck) === 0;
}
