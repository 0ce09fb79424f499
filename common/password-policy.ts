/**
 * The password policy and its one checker, shared by the server (the rule that counts), the
 * edit page's tooltip and the strength meter. NIST 800-63B / OWASP ASVS 6.2: length first, counted
 * in Unicode code points, nothing trimmed; composition rules only when an administrator turns
 * them on (they may require a class, never forbid a character); a blocklist of common passwords;
 * no context words.
 */
export type PasswordPolicy = {
  /** 8–128, default 12 */
  minLength: number;
  lowerCase: boolean;
  upperCase: boolean;
  numbers: boolean;
  specialChars: boolean;
};

/** Longer passwords are refused before hashing (argon2 cost, request size). */
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_MIN_LENGTH_RANGE = { min: 8, max: 128 } as const;

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 12,
  lowerCase: false,
  upperCase: false,
  numbers: false,
  specialChars: false,
};

/** What the password is checked against besides the rules: who it belongs to. */
export type PasswordContext = {
  username?: string | undefined;
  email?: string | undefined;
  organizationName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  /**
   * Whose password it is, for the wording of the messages: one's own (`self`, the default: "your
   * username") or another person's, chosen by an administrator (`other`: "the user's username").
   */
  owner?: 'self' | 'other' | undefined;
};

export type PasswordRule =
  | 'too_short'
  | 'too_long'
  | 'lower_case'
  | 'upper_case'
  | 'numbers'
  | 'special_chars'
  | 'common_password'
  | 'context_username'
  | 'context_email'
  | 'context_organization'
  | 'context_name'
  | 'context_product';

/**
 * One broken rule: its stable code, the particulars its words need in any language (`min` and
 * `length` of too_short, `max` of too_long — the API sends them in the error's `meta`, the SPA
 * fills its catalog with them) and the English sentence (the API's `detail`, for integrators).
 */
export type PasswordFailure = { rule: PasswordRule; params: PasswordRuleParams; message: string };

export type PasswordRuleParams = { min?: number; max?: number; length?: number };

/** A rule of the policy in force, by stable code with its numbers (the Password rules tooltip). */
export type PolicyRule =
  | { rule: 'length'; min: number; max: number }
  | { rule: 'lower_case' | 'upper_case' | 'numbers' | 'special_chars' | 'not_common' | 'no_context_words' };

/** A set of lower-cased common passwords (see `loadPasswordBlocklist`). */
export type PasswordBlocklist = { has(lowerCasedPassword: string): boolean; readonly size: number };

const PRODUCT_NAME = 'atrium';
/** Context words shorter than this are not checked (too many false positives). */
const MIN_CONTEXT_WORD = 3;
/** Parts of a longer value ("john" of "john.doe") count from this length on. */
const MIN_CONTEXT_PART = 4;

const classPatterns = {
  lowerCase: /\p{Ll}/u,
  upperCase: /\p{Lu}/u,
  numbers: /\p{Nd}/u,
  // Anything that is not a letter, a digit or a combining mark: punctuation, symbols, spaces, emoji.
  specialChars: /[^\p{L}\p{N}\p{M}]/u,
} as const;

const classMessages: Record<keyof typeof classPatterns, string> = {
  lowerCase: 'The password must contain a lower case letter.',
  upperCase: 'The password must contain an upper case letter.',
  numbers: 'The password must contain a number.',
  specialChars: 'The password must contain a special character (a symbol, punctuation or a space).',
};

const classRules: Record<keyof typeof classPatterns, PasswordRule> = {
  lowerCase: 'lower_case',
  upperCase: 'upper_case',
  numbers: 'numbers',
  specialChars: 'special_chars',
};

function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/**
 * The form a password is checked, hashed and compared in: Unicode NFKC (NIST SP 800-63B
 * §5.1.1.2), so the NFC and NFD spellings of `Crème` — which browsers and keyboards send either
 * way — are one password. Nothing is trimmed or case-folded.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length as a person counts it: Unicode code points (an emoji is one, not two). */
export function passwordLength(password: string): number {
  return [...password].length;
}

function contextWords(value: string | undefined): string[] {
  if (!value) return [];
  const whole = fold(value).trim();
  const words = whole.length >= MIN_CONTEXT_WORD ? [whole] : [];
  for (const part of whole.split(/[^\p{L}\p{N}]+/u)) {
    if (part.length >= MIN_CONTEXT_PART && part !== whole) words.push(part);
  }
  return words;
}

/**
 * Every rule the password breaks (an empty list: it is fine), judged on its NFKC form (what is
 * hashed); length in code points of that form. Never trims or truncates. The
 * blocklist check needs `options.blocklist` (the server always passes it; the browser once it has
 * loaded it).
 */
export function checkPassword(
  typed: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
  options: { blocklist?: PasswordBlocklist | undefined } = {},
): PasswordFailure[] {
  const failures: PasswordFailure[] = [];
  // Checked in the form it is hashed in (see normalizePassword).
  const password = normalizePassword(typed);
  const length = passwordLength(password);
  if (length > PASSWORD_MAX_LENGTH) {
    // Nothing else is worth computing on a value this long.
    return [
      {
        rule: 'too_long',
        params: { max: PASSWORD_MAX_LENGTH },
        message: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
      },
    ];
  }
  if (length < policy.minLength) {
    failures.push({
      rule: 'too_short',
      params: { min: policy.minLength, length },
      message: `The password must have at least ${policy.minLength} characters (it has ${length}).`,
    });
  }
  for (const name of Object.keys(classPatterns) as (keyof typeof classPatterns)[]) {
    if (policy[name] && !classPatterns[name].test(password)) {
      failures.push({ rule: classRules[name], params: {}, message: classMessages[name] });
    }
  }
  const folded = fold(password);
  if (options.blocklist?.has(folded)) {
    failures.push({
      rule: 'common_password',
      params: {},
      message: 'This password is too common: it is on a list of passwords that attackers try first.',
    });
  }
  const emailName = context.email?.includes('@')
    ? context.email.slice(0, context.email.lastIndexOf('@'))
    : undefined;
  const whose = context.owner === 'other' ? "the user's" : 'your';
  const checks: [PasswordRule, string[], string][] = [
    ['context_username', contextWords(context.username), `The password must not contain ${whose} username.`],
    [
      'context_email',
      contextWords(emailName),
      `The password must not contain the name of ${whose} email address.`,
    ],
    [
      'context_organization',
      contextWords(context.organizationName),
      context.owner === 'other'
        ? "The password must not contain the organization's name."
        : "The password must not contain your organization's name.",
    ],
    [
      'context_name',
      [...contextWords(context.firstName), ...contextWords(context.lastName)],
      `The password must not contain ${whose} name.`,
    ],
    [
      'context_product',
      [PRODUCT_NAME],
      'The password must not contain the name of this application ("Atrium").',
    ],
  ];
  for (const [rule, words, message] of checks) {
    if (words.some((word) => folded.includes(word))) failures.push({ rule, params: {}, message });
  }
  return failures;
}

/** The rules in force by code and numbers, in the order the tooltip lists them. */
export function policyRules(policy: PasswordPolicy): PolicyRule[] {
  const rules: PolicyRule[] = [{ rule: 'length', min: policy.minLength, max: PASSWORD_MAX_LENGTH }];
  if (policy.lowerCase) rules.push({ rule: 'lower_case' });
  if (policy.upperCase) rules.push({ rule: 'upper_case' });
  if (policy.numbers) rules.push({ rule: 'numbers' });
  if (policy.specialChars) rules.push({ rule: 'special_chars' });
  rules.push({ rule: 'not_common' }, { rule: 'no_context_words' });
  return rules;
}

const policyRuleSentences: Record<Exclude<PolicyRule['rule'], 'length'>, string> = {
  lower_case: 'At least one lower case letter.',
  upper_case: 'At least one upper case letter.',
  numbers: 'At least one number.',
  special_chars: 'At least one special character (a symbol, punctuation or a space).',
  not_common: 'Not one of the commonly used passwords that attackers try first.',
  no_context_words:
    'Not containing your username, the name of your email address, your name, your organization or "Atrium".',
};

/** A rule of the policy as an English sentence (the API's `detail` of it, for integrators). */
export function describePolicyRule(rule: PolicyRule): string {
  return rule.rule === 'length'
    ? `At least ${rule.min} characters, at most ${rule.max}. Spaces, emoji and any alphabet are welcome; a long phrase is a good password.`
    : policyRuleSentences[rule.rule];
}

/** The rules in force as English sentences (`describePolicyRule` of each `policyRules`). */
export function describePolicy(policy: PasswordPolicy): string[] {
  return policyRules(policy).map(describePolicyRule);
}

let blocklist: Promise<PasswordBlocklist> | undefined;

/**
 * The bundled common-password list (@zxcvbn-ts/language-common, ~49,000 entries), lower-cased,
 * loaded once on first use: a dynamic import, so the browser fetches it only when a password
 * form opens and the server pays for it once, not per request.
 */
export function loadPasswordBlocklist(): Promise<PasswordBlocklist> {
  blocklist ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((word) => fold(word))),
  );
  return blocklist;
}

export type PasswordStrength = {
  /** 0 (guessable in seconds) … 4 (very unguessable) */
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Very weak' | 'Weak' | 'Fair' | 'Strong' | 'Very strong';
  /** zxcvbn's advice in English, and its key (`warnings` of @zxcvbn-ts's translations) for a catalog */
  warning: string | null;
  warningKey: string | null;
  suggestions: string[];
};

const strengthLabels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

type Estimator = (password: string, userInputs: string[]) => PasswordStrength;
let estimator: Promise<Estimator> | undefined;

/** zxcvbn, its dictionaries and its English messages: loaded on first use, for the meter only. */
function loadEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([core, common, english]) => {
    const warningKeys = new Map(
      Object.entries(english.translations.warnings).map(([key, text]) => [text as string, key]),
    );
    const factory = new core.ZxcvbnFactory({
      translations: english.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...english.dictionary },
    });
    return (password, userInputs) => {
      const result = factory.check(password.slice(0, 256), userInputs);
      const score = result.score as PasswordStrength['score'];
      const warning = result.feedback.warning || null;
      return {
        score,
        label: strengthLabels[score],
        warning,
        warningKey: warning ? (warningKeys.get(warning) ?? null) : null,
        suggestions: result.feedback.suggestions,
      };
    };
  });
  return estimator;
}

/**
 * How hard the password is to guess (the strength meter). Advisory only: the server decides with
 * `checkPassword`. Context words count against the score.
 */
export async function estimatePasswordStrength(
  password: string,
  context: PasswordContext = {},
): Promise<PasswordStrength> {
  const estimate = await loadEstimator();
  const inputs = [
    context.username,
    context.email,
    context.organizationName,
    context.firstName,
    context.lastName,
    PRODUCT_NAME,
  ]
    .filter((value): value is string => Boolean(value))
    .map(fold);
  return estimate(password, inputs);
}
