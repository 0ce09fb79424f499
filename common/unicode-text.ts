/**
 * Unicode rules for names and logins, shared by the server and the SPA's forms (no dependency, so
 * the SPA can run them beside each field). The server adds the confusable skeleton of usernames
 * (server/features/users/identities.ts), which needs the UTS #39 data table.
 */

/**
 * A character a person can see: a letter, digit, punctuation mark or symbol that is not a
 * Default_Ignorable_Code_Point (zero-width spaces and joiners, Hangul fillers, variation
 * selectors…) nor U+2800 BRAILLE PATTERN BLANK, which is a symbol drawn as nothing. Spaces,
 * controls, format characters, private-use and unassigned code points, and combining marks on
 * their own are not.
 */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const DRAWN_AS_NOTHING = /[\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Whether the text contains at least one visible character (see VISIBLE above). */
export function hasVisibleCharacter(value: string): boolean {
  for (const character of value) {
    if (VISIBLE.test(character) && !DRAWN_AS_NOTHING.test(character)) return true;
  }
  return false;
}

/**
 * Bidirectional formatting characters (Bidi_Control: LRM, RLM, ALM, LRE…PDF, LRI…PDI). In a login
 * they reorder what is shown (`dana` can be drawn from `anad`), so usernames refuse them.
 */
export const BIDI_CONTROL = /\p{Bidi_Control}/u;

/**
 * Whether the text, once compatibility-normalized (NFKC), contains "@": the full-width `＠`
 * (U+FF20) and the small `﹫` (U+FE6B) look like (and NFKC-fold to) the "@" of an email address.
 */
export function containsAtSign(value: string): boolean {
  return value.normalize('NFKC').includes('@');
}

// ── Mixed-script detection (UTS #39 §5.1–5.2) ──────────────────────────────────────────────────

/**
 * ISO 15924 codes of the scripts Unicode encodes (Script property values). Codes the running
 * JavaScript engine does not know yet are skipped; unicode-text.test.ts proves that every letter,
 * mark and digit the engine knows belongs to one of these.
 */
const SCRIPT_CODES =
  `Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi
  Buhd Cakm Cans Cari Cham Cher Chis Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym
  Ethi Gara Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng
  Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina
  Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Mlym Modi Mong Mroo Mtei Mult Mymr
  Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli
  Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora
  Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh
  Tnsa Todr Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb`
    .split(/\s+/)
    .filter(Boolean);

type ScriptSet = { code: string; pattern: RegExp };

/** Characters that belong to every script (Script_Extensions = Common or Inherited: digits, "_", marks…). */
const ANY_SCRIPT = /[\p{scx=Zyyy}\p{scx=Zinh}]/u;

/**
 * The scripts, and UTS #39's augmented sets: Han text may mix with Hiragana and Katakana
 * (Japanese, "Jpan"), with Hangul (Korean, "Kore") or with Bopomofo ("Hanb").
 */
let scriptSets: ScriptSet[] | undefined;
function knownScripts(): ScriptSet[] {
  if (scriptSets) return scriptSets;
  const sets: ScriptSet[] = [];
  for (const code of SCRIPT_CODES) {
    try {
      sets.push({ code, pattern: new RegExp(`\\p{scx=${code}}`, 'u') });
    } catch {
      // Not known to this engine's Unicode version: no character of it can occur either.
    }
  }
  sets.push(
    { code: 'Jpan', pattern: /[\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}]/u },
    { code: 'Kore', pattern: /[\p{scx=Hani}\p{scx=Hang}]/u },
    { code: 'Hanb', pattern: /[\p{scx=Hani}\p{scx=Bopo}]/u },
  );
  scriptSets = sets;
  return sets;
}

/** The ISO 15924 codes of the scripts (augmented as above) that every character of `characters` belongs to. */
function resolvedScripts(characters: readonly string[]): string[] {
  const specific = characters.filter((character) => !ANY_SCRIPT.test(character));
  const sets = knownScripts();
  if (specific.length === 0) return sets.map((set) => set.code);
  return sets
    .filter((set) => specific.every((character) => set.pattern.test(character)))
    .map((set) => set.code);
}

/**
 * Whether a login meets UTS #39's "Highly Restrictive" level (§5.2): all its characters belong to
 * one script (Common and Inherited characters such as digits, "_", "." and combining marks go
 * with any), or — the allowance for East Asian writing — it is covered by Latin + Han + Hiragana +
 * Katakana, Latin + Han + Bopomofo, or Latin + Han + Hangul. So `dana`, `Дана`, `田中_taro` and
 * `김dana` pass, and `dаna` with a Cyrillic "а" (Latin imitated by another script) does not.
 * (The identifier profile of §5.2 is not applied: usernames may hold spaces and symbols.)
 */
export function isHighlyRestrictive(value: string): boolean {
  const characters = [...value];
  if (resolvedScripts(characters).length > 0) return true;
  const latin = /\p{scx=Latn}/u;
  const withoutLatin = characters.filter((character) => !latin.test(character));
  return resolvedScripts(withoutLatin).some((code) => code === 'Jpan' || code === 'Kore' || code === 'Hanb');
}

// ── Email domains (UTS #46) ────────────────────────────────────────────────────────────────────

/**
 * The ASCII form of an email domain by IDNA Compatibility Processing (UTS #46, non-transitional,
 * as the WHATWG URL standard applies it in Node and in browsers): `Bücher.example` and
 * `xn--bcher-kva.example` both give `xn--bcher-kva.example`. Null when the domain is not a valid
 * internationalized domain name (a bad punycode label, a disallowed character).
 */
export function domainToAscii(domain: string): string | null {
  // Only a host: anything the URL parser would read as another part of a URL is not a domain.
  if (domain === '' || /[\s/?#@:\\[\]%]/.test(domain)) return null;
  try {
    const host = new URL(`http://${domain}/`).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

// ── Rules with stable error codes (422) ────────────────────────────────────────────────────────

/** A rule a text broke: a stable `code` for clients and a sentence for people. */
export type TextProblem = { code: string; message: string };

/** A required name (first/last name, organization name, label…) must show something. */
export function invisibleTextProblem(value: string, label: string): TextProblem | null {
  if (hasVisibleCharacter(value)) return null;
  return { code: 'not_visible', message: `${label} must contain at least one visible character.` };
}

/**
 * The Unicode rules of a username, beyond length and control characters: something visible; no
 * "@" nor a look-alike of it (people sign in with a username or an email, so a username must
 * never read as an address); no bidirectional controls; and one script, UTS #39 "Highly
 * Restrictive" (`isHighlyRestrictive`). Look-alikes of other users' names are refused by the
 * server (409) by their confusable skeleton.
 */
export function usernameUnicodeProblem(value: string): TextProblem | null {
  if (!hasVisibleCharacter(value)) {
    return { code: 'not_visible', message: 'The username must contain at least one visible character.' };
  }
  if (containsAtSign(value)) {
    return {
      code: 'username_at_sign',
      message: 'The username cannot contain "@" (people sign in with a username or an email).',
    };
  }
  if (BIDI_CONTROL.test(value)) {
    return {
      code: 'username_bidi_control',
      message: 'The username cannot contain characters that change the direction of text.',
    };
  }
  if (!isHighlyRestrictive(value)) {
    return {
      code: 'username_mixed_script',
      message:
        'The username mixes letters of different scripts (like a Cyrillic "а" among Latin letters). Use one script.',
    };
  }
  return null;
}
