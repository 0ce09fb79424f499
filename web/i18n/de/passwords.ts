import type { Translation } from '../translation';

/** German: Change Password, Reset Password, the rules and strength meter. */
export const passwords = {
  theUser: 'Der Benutzer',
  show: 'Anzeigen',
  hide: 'Verbergen',
  suggestPassword: 'Passwort vorschlagen',
  forgot: {
    title: 'Passwort vergessen?',
    explain:
      'Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein. Passen sie zu einem Konto, senden wir einen Link, mit dem Sie ein neues Passwort wählen.',
    login: 'Benutzername oder E-Mail',
    loginRequired: 'Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.',
    request: 'Anfordern',
    backToSignIn: 'Zurück zur Anmeldung',
    checkEmail: 'Sehen Sie in Ihr E-Mail-Postfach',
    failed: 'Der Link wurde nicht angefordert',
    sent: 'Falls ein Konto passt, haben wir eine E-Mail mit einem Link gesendet.',
  },
  section: {
    heading: 'Passwort',
    current: 'Passwort',
    currentDescription: 'Ihr aktuelles Passwort',
    currentRequired: 'Geben Sie Ihr aktuelles Passwort ein.',
    new: 'Neues Passwort',
    newRequired: 'Geben Sie ein neues Passwort ein.',
    rulesHint: 'Woraus ein Passwort bestehen muss',
    repeat: 'Neues Passwort wiederholen',
    mismatch: 'Die Passwörter stimmen nicht überein.',
  },
  change: {
    title: 'Passwort ändern',
    failed: 'Das Passwort wurde nicht geändert',
    newPassword: 'Neues Passwort',
    passwordRequired: 'Geben Sie ein neues Passwort ein oder klicken Sie auf „Passwort vorschlagen“.',
    mustChange: 'Benutzer muss das Passwort bei der nächsten Anmeldung ändern',
    changed: 'Passwort geändert',
    changedOwn:
      'Ihr Passwort wurde geändert. Hier bleiben Sie angemeldet; Ihre anderen Sitzungen wurden abgemeldet, und Sie erhalten eine E-Mail.',
    changedOther: '{name} wurde überall abgemeldet und erhält eine E-Mail.',
  },
  reset: {
    title: 'Passwort zurücksetzen',
    confirm: 'Zurücksetzen',
    failed: 'Das Passwort wurde nicht zurückgesetzt',
    explainSelf:
      'Ein Link zum Zurücksetzen des Passworts wird an Ihre primäre E-Mail-Adresse gesendet. Das aktuelle Passwort funktioniert sofort nicht mehr, und Sie werden auf allen Geräten von Atrium abgemeldet, bis mit dem Link ein neues Passwort gewählt ist.',
    explainOther:
      'Ein Link zum Zurücksetzen des Passworts wird an die primäre E-Mail-Adresse des Benutzers gesendet. Das aktuelle Passwort funktioniert sofort nicht mehr, und der Benutzer wird auf allen Geräten von Atrium abgemeldet, bis mit dem Link ein neues Passwort gewählt ist.',
    done: 'Passwort zurückgesetzt',
    doneMessage: '{name} wurde abgemeldet und erhält eine E-Mail mit einem Link zum Zurücksetzen.',
  },
  bulkReset: {
    action: 'Passwort zurücksetzen',
    title: 'Passwort zurücksetzen',
    explain:
      'Ein Link zum Zurücksetzen des Passworts wird an die primäre E-Mail-Adresse jedes dieser Benutzer gesendet. Ihre aktuellen Passwörter funktionieren sofort nicht mehr, und sie werden auf allen Geräten von Atrium abgemeldet:',
    includesSelf: 'Sie gehören dazu: Auch Sie werden abgemeldet.',
    failed: 'Es wurde kein Passwort zurückgesetzt',
    confirm: 'Zurücksetzen',
    done: 'Passwörter zurückgesetzt',
    doneMessage:
      '{count, plural, one {# Benutzer wurde abgemeldet und erhält eine E-Mail mit einem Link zum Zurücksetzen.} other {# Benutzer wurden abgemeldet und erhalten eine E-Mail mit einem Link zum Zurücksetzen.}}',
  },
  rules: {
    button: 'Passwortregeln',
    heading: 'Anforderungen an ein Passwort:',
    loading: 'Regeln werden geladen…',
    loadFailed: 'Die Regeln konnten nicht geladen werden: {reason}',
    items: {
      length:
        '{count, plural, one {Mindestens # Zeichen, höchstens {max}. Leerzeichen, Emoji und jedes Alphabet sind willkommen; ein langer Satz ist ein gutes Passwort.} other {Mindestens # Zeichen, höchstens {max}. Leerzeichen, Emoji und jedes Alphabet sind willkommen; ein langer Satz ist ein gutes Passwort.}}',
      lower_case: 'Mindestens ein Kleinbuchstabe.',
      upper_case: 'Mindestens ein Großbuchstabe.',
      numbers: 'Mindestens eine Ziffer.',
      special_chars: 'Mindestens ein Sonderzeichen (ein Symbol, ein Satzzeichen oder ein Leerzeichen).',
      not_common: 'Keines der häufig verwendeten Passwörter, die Angreifer zuerst ausprobieren.',
      no_context_words:
        'Ohne Ihren Benutzernamen, den Namen Ihrer E-Mail-Adresse, Ihren Namen, Ihre Organisation oder „Atrium“.',
    },
  },
  strength: {
    label: 'Passwortstärke',
    estimating: 'Wird geschätzt',
    estimatingLong: 'Stärke wird geschätzt…',
    shown: 'Stärke: {label}',
    scores: {
      veryWeak: 'Sehr schwach',
      weak: 'Schwach',
      fair: 'Mittel',
      strong: 'Stark',
      veryStrong: 'Sehr stark',
    },
    warnings: {
      straightRow: 'Gerade Tastenreihen Ihrer Tastatur sind leicht zu erraten.',
      keyPattern: 'Kurze Tastaturmuster sind leicht zu erraten.',
      simpleRepeat: 'Wiederholte Zeichen wie „aaa“ sind leicht zu erraten.',
      extendedRepeat: 'Wiederholte Zeichenmuster wie „abcabcabc“ sind leicht zu erraten.',
      sequences: 'Häufige Zeichenfolgen wie „abc“ sind leicht zu erraten.',
      recentYears: 'Jahreszahlen der letzten Jahre sind leicht zu erraten.',
      dates: 'Daten sind leicht zu erraten.',
      topTen: 'Dies ist ein sehr häufig verwendetes Passwort.',
      topHundred: 'Dies ist ein oft verwendetes Passwort.',
      common: 'Dies ist ein häufig verwendetes Passwort.',
      similarToCommon: 'Dies ähnelt einem häufig verwendeten Passwort.',
      wordByItself: 'Einzelne Wörter sind leicht zu erraten.',
      namesByThemselves: 'Einzelne Vor- oder Nachnamen sind leicht zu erraten.',
      commonNames: 'Häufige Vor- und Nachnamen sind leicht zu erraten.',
      userInputs: 'Es sollten keine persönlichen oder seitenbezogenen Daten enthalten sein.',
      pwned: 'Ihr Passwort wurde bei einem Datenleck im Internet offengelegt.',
    },
  },
  resetPage: {
    title: 'Neues Passwort wählen',
    unusable: 'Dieser Link kann nicht verwendet werden',
    incomplete:
      'Der Link ist unvollständig. Öffnen Sie den Link aus der E-Mail erneut oder fordern Sie einen neuen an.',
    requestNew: 'Neuen Link anfordern',
    save: 'Speichern',
  },
  changeRequired: {
    title: 'Ändern Sie Ihr Passwort',
    explain:
      'Ein Administrator hat Ihr Passwort festgelegt. Wählen Sie ein neues, das nur Sie kennen, bevor Sie fortfahren.',
    done: 'Passwort geändert',
    doneMessage: 'Willkommen zurück.',
    save: 'Speichern',
  },
} as const satisfies Translation;
