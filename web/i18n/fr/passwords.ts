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
    changedOther: '{{name}} a été déconnecté partout et va recevoir un e-mail.',
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
    doneMessage: '{{name}} a été déconnecté et va recevoir un e-mail avec un lien de réinitialisation.',
  },
} as const satisfies Translation;
