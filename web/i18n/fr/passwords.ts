import type { Translation } from '../translation';

/** French: Change Password, Reset Password, the rules and strength meter. */
export const passwords = {
  theUser: 'L’utilisateur',
  show: 'Afficher',
  hide: 'Masquer',
  suggestPassword: 'Suggérer un mot de passe',
  forgot: {
    title: 'Mot de passe oublié ?',
    explain:
      'Saisissez votre nom d’utilisateur ou votre e-mail. S’ils correspondent à un compte, nous envoyons un lien pour choisir un nouveau mot de passe.',
    login: 'Nom d’utilisateur ou e-mail',
    loginRequired: 'Saisissez votre nom d’utilisateur ou votre e-mail.',
    request: 'Demander',
    backToSignIn: 'Retour à la connexion',
    checkEmail: 'Consultez vos e-mails',
    failed: 'Le lien n’a pas été demandé',
    sent: 'Si un compte correspond, nous avons envoyé un e-mail contenant un lien.',
  },
  section: {
    heading: 'Mot de passe',
    current: 'Mot de passe',
    currentDescription: 'Votre mot de passe actuel',
    currentRequired: 'Saisissez votre mot de passe actuel.',
    new: 'Nouveau mot de passe',
    newRequired: 'Saisissez un nouveau mot de passe.',
    rulesHint: 'Ce qu’un mot de passe doit contenir',
    repeat: 'Répéter le nouveau mot de passe',
    mismatch: 'Les mots de passe ne correspondent pas.',
  },
  change: {
    title: 'Changer le mot de passe',
    failed: 'Le mot de passe n’a pas été changé',
    newPassword: 'Nouveau mot de passe',
    passwordRequired: 'Saisissez un nouveau mot de passe ou cliquez sur Suggérer un mot de passe.',
    mustChange: 'L’utilisateur doit changer le mot de passe à la prochaine connexion',
    changed: 'Mot de passe changé',
    changedOwn:
      'Votre mot de passe a été changé. Vous restez connecté ici ; vos autres sessions ont été fermées et vous allez recevoir un e-mail.',
    changedOther: 'Toutes les sessions de {name} ont été fermées, et un e-mail va lui être envoyé.',
  },
  reset: {
    title: 'Réinitialiser le mot de passe',
    confirm: 'Réinitialiser',
    failed: 'Le mot de passe n’a pas été réinitialisé',
    explainSelf:
      'Un lien de réinitialisation sera envoyé à votre adresse e-mail principale. Le mot de passe actuel cesse aussitôt de fonctionner et vous êtes déconnecté d’Atrium sur tous vos appareils jusqu’à ce qu’un nouveau mot de passe soit choisi avec le lien.',
    explainOther:
      'Un lien de réinitialisation sera envoyé à l’adresse e-mail principale de l’utilisateur. Le mot de passe actuel cesse aussitôt de fonctionner et l’utilisateur est déconnecté d’Atrium sur tous ses appareils jusqu’à ce qu’un nouveau mot de passe soit choisi avec le lien.',
    done: 'Mot de passe réinitialisé',
    doneMessage:
      'Toutes les sessions de {name} ont été fermées, et un e-mail avec un lien de réinitialisation va lui être envoyé.',
  },
  bulkReset: {
    action: 'Réinitialiser le mot de passe',
    title: 'Réinitialiser le mot de passe',
    explain:
      'Un lien de réinitialisation sera envoyé à l’adresse e-mail principale de chacun de ces utilisateurs. Leurs mots de passe actuels cessent aussitôt de fonctionner et ils sont déconnectés d’Atrium sur tous leurs appareils :',
    includesSelf: 'Vous en faites partie : vous serez déconnecté vous aussi.',
    failed: 'Aucun mot de passe n’a été réinitialisé',
    confirm: 'Réinitialiser',
    done: 'Mots de passe réinitialisés',
    doneMessage:
      '{count, plural, one {# utilisateur a été déconnecté et va recevoir un e-mail avec un lien de réinitialisation.} many {# d’utilisateurs ont été déconnectés et vont recevoir un e-mail avec un lien de réinitialisation.} other {# utilisateurs ont été déconnectés et vont recevoir un e-mail avec un lien de réinitialisation.}}',
  },
  rules: {
    button: 'Règles de mot de passe',
    heading: 'Un mot de passe doit :',
    loading: 'Chargement des règles…',
    loadFailed: 'Les règles n’ont pas pu être chargées : {reason}',
    items: {
      length:
        '{count, plural, one {Compter au moins # caractère, au plus {max}. Espaces, emoji et tout alphabet sont les bienvenus ; une longue phrase fait un bon mot de passe.} many {Compter au moins # de caractères, au plus {max}. Espaces, emoji et tout alphabet sont les bienvenus ; une longue phrase fait un bon mot de passe.} other {Compter au moins # caractères, au plus {max}. Espaces, emoji et tout alphabet sont les bienvenus ; une longue phrase fait un bon mot de passe.}}',
      lower_case: 'Contenir au moins une lettre minuscule.',
      upper_case: 'Contenir au moins une lettre majuscule.',
      numbers: 'Contenir au moins un chiffre.',
      special_chars: 'Contenir au moins un caractère spécial (un symbole, une ponctuation ou une espace).',
      not_common: 'Ne pas être l’un des mots de passe courants que les attaquants essaient en premier.',
      no_context_words:
        'Ne contenir ni votre nom d’utilisateur, ni le nom de votre adresse e-mail, ni votre nom, ni votre organisation, ni « Atrium ».',
    },
  },
  strength: {
    label: 'Robustesse du mot de passe',
    estimating: 'Estimation',
    estimatingLong: 'Estimation de la robustesse…',
    shown: 'Robustesse : {label}',
    scores: {
      veryWeak: 'Très faible',
      weak: 'Faible',
      fair: 'Moyen',
      strong: 'Robuste',
      veryStrong: 'Très robuste',
    },
    warnings: {
      straightRow: 'Les rangées de touches de votre clavier sont faciles à deviner.',
      keyPattern: 'Les motifs courts sur le clavier sont faciles à deviner.',
      simpleRepeat: 'Les caractères répétés comme « aaa » sont faciles à deviner.',
      extendedRepeat: 'Les motifs de caractères répétés comme « abcabcabc » sont faciles à deviner.',
      sequences: 'Les suites de caractères courantes comme « abc » sont faciles à deviner.',
      recentYears: 'Les années récentes sont faciles à deviner.',
      dates: 'Les dates sont faciles à deviner.',
      topTen: 'Ce mot de passe est extrêmement courant.',
      topHundred: 'Ce mot de passe est très courant.',
      common: 'Ce mot de passe est courant.',
      similarToCommon: 'Ce mot de passe ressemble à un mot de passe courant.',
      wordByItself: 'Un mot seul est facile à deviner.',
      namesByThemselves: 'Un prénom ou un nom seul est facile à deviner.',
      commonNames: 'Les prénoms et noms courants sont faciles à deviner.',
      userInputs: 'Il ne doit contenir aucune donnée personnelle ou liée à la page.',
      pwned: 'Ce mot de passe a été exposé lors d’une fuite de données sur Internet.',
    },
  },
  resetPage: {
    title: 'Choisissez un nouveau mot de passe',
    unusable: 'Ce lien ne peut pas être utilisé',
    incomplete: 'Le lien est incomplet. Rouvrez le lien de l’e-mail ou demandez-en un nouveau.',
    requestNew: 'Demander un nouveau lien',
    save: 'Enregistrer',
  },
  changeRequired: {
    title: 'Changez votre mot de passe',
    explain:
      'Un administrateur a défini votre mot de passe. Choisissez-en un nouveau, connu de vous seul, avant de continuer.',
    done: 'Mot de passe changé',
    doneMessage: 'Bon retour parmi nous.',
    save: 'Enregistrer',
  },
} as const satisfies Translation;
