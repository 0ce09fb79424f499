/**
 * "Suggest Password": a cryptographically random password that satisfies the policy in force —
 * at least one character of each required class — of length max(16, minimum length). Works in the
 * browser and on the server (Web Crypto).
 */
export type GeneratorPolicy = {
  minLength: number;
  lowerCase?: boolean;
  upperCase?: boolean;
  numbers?: boolean;
  specialChars?: boolean;
};

export const characterClasses = {
  lowerCase: 'abcdefghijkmnopqrstuvwxyz',
  upperCase: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  numbers: '23456789',
  specialChars: '!#$%&*+-=?@^_~',
} as const;

/** A uniformly random index below `max`, without modulo bias. */
function randomIndex(max: number): number {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] as number;
    if (value < limit) return value % max;
  }
}

function pick(alphabet: string): string {
  return alphabet[randomIndex(alphabet.length)] as string;
}

export function generatePassword(policy: GeneratorPolicy): string {
  const length = Math.max(16, policy.minLength);
  // Every class is always in the alphabet; the required ones are also guaranteed a place.
  const alphabet = Object.values(characterClasses).join('');
  const required = (Object.keys(characterClasses) as (keyof typeof characterClasses)[])
    .filter((name) => policy[name])
    .map((name) => pick(characterClasses[name]));
  const characters = [...required];
  while (characters.length < length) characters.push(pick(alphabet));
  // Fisher–Yates, so the guaranteed characters are not always first.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
  }
  return characters.join('');
}
