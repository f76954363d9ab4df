// Crockford base32: the alphabet of support codes (no I, L, O, U), and the forgiving read-back of typed codes.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Letters people confuse with digits are read as those digits, as Crockford's base32 specifies. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

export function symbolFor(value: number): string {
  const symbol = CROCKFORD_ALPHABET[value];
  if (symbol === undefined) throw new RangeError(`base32 value out of range: ${value}`);
  return symbol;
}

/** The 0..31 value of one typed character, or null when it is not part of the alphabet (such as U). */
export function valueOf(character: string): number | null {
  const upper = character.toUpperCase();
  const index = CROCKFORD_ALPHABET.indexOf(LOOK_ALIKES[upper] ?? upper);
  return index < 0 || upper.length !== 1 ? null : index;
}
