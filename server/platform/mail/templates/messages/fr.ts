import type { AnswerStatus, Messages } from './en';

/** The French catalog of the system emails (Language setting "Français"); checked against `en`. */
export const fr: Messages = {
  productName: 'Atrium',
  greeting: (p) => `Bonjour ${p.name},`,
  footer: 'Cet e-mail a été envoyé par Atrium. Vous le recevez en raison de votre compte.',
  linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  hours: (p) => (p.count < 2 ? `${p.count} heure` : `${p.count} heures`),

  passwordChangedSubject: 'Votre mot de passe Atrium a été changé',
  passwordChangedHeading: 'Votre mot de passe a été changé',
  passwordChangedBySelf: (p) => `Le mot de passe de votre compte Atrium a été changé le ${p.when}.`,
  passwordChangedByAdministrator: (p) =>
    `Un administrateur a changé le mot de passe de votre compte Atrium le ${p.when}.`,
  passwordChangedNewPassword: 'Votre nouveau mot de passe est :',
  passwordChangedNewPasswordAdvice: 'Changez-le après vous être connecté, et supprimez cet e-mail.',
  passwordChangedNotYou: 'Si vous ne vous y attendiez pas, contactez aussitôt votre administrateur.',
  passwordChangedAction: 'Se connecter',

  passwordResetSubject: 'Réinitialisez votre mot de passe Atrium',
  passwordResetHeading: 'Réinitialisez votre mot de passe',
  passwordResetBySelf:
    'Quelqu’un (vous, espérons-le) a demandé la réinitialisation du mot de passe de votre compte Atrium.',
  passwordResetByAdministrator:
    'Un administrateur a réinitialisé le mot de passe de votre compte Atrium. Choisissez un nouveau mot de passe pour vous reconnecter.',
  passwordResetAction: 'Choisir un nouveau mot de passe',
  passwordResetExpiry: (p) => `Ce lien fonctionne une seule fois et expire dans ${p.hours}.`,
  passwordResetIgnore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.',

  emailVerificationSubject: 'Confirmez votre adresse e-mail pour Atrium',
  emailVerificationHeading: 'Confirmez votre adresse e-mail',
  emailVerificationBody: (p) => `Veuillez confirmer que ${p.email} est bien votre adresse e-mail.`,
  emailVerificationAction: 'Confirmer l’adresse e-mail',
  emailVerificationExpiry: (p) => `Ce lien expire dans ${p.hours}.`,
  emailVerificationIgnore:
    'Si vous n’avez pas ajouté cette adresse à un compte Atrium, vous pouvez ignorer cet e-mail.',

  emailChangedSubject: 'L’adresse e-mail de votre compte Atrium a été changée',
  emailChangedHeading: 'Votre adresse e-mail a été changée',
  emailChangedBody: (p) =>
    `L’adresse e-mail de votre compte Atrium est passée de ${p.oldEmail} à ${p.newEmail}.`,
  emailChangedNotYou:
    'Si vous n’êtes pas à l’origine de ce changement, contactez aussitôt votre administrateur.',

  reminderSubject: (p) => `Rappel : ${p.title}`,
  reminderEventStarts: (p) => `Cet événement commence le ${p.when}.`,
  reminderTaskDue: (p) => `Cette tâche arrive à échéance le ${p.when}.`,
  reminderOpenCalendar: 'Ouvrir le calendrier',
  reminderOpenTask: 'Ouvrir la tâche',

  invitationSubject: (p) => `${p.isNew ? 'Invitation' : 'Invitation modifiée'} : ${p.title}`,
  invitationBody: (p) =>
    p.isNew ? `${p.organizer} vous invite à cet événement.` : `${p.organizer} a modifié cet événement.`,
  invitationWhen: (p) => `Quand : ${p.when}${p.repeats ? ' (périodique)' : ''}`,
  invitationAnswerHint: 'Répondez avec le bouton ci-dessous, ou dans votre application de calendrier.',
  invitationAnswerAction: 'Accepter, provisoire ou refuser',
  cancellationSubject: (p) => `Annulé : ${p.title}`,
  cancellationBody: (p) => `${p.organizer} a annulé cet événement, ou vous en a retiré.`,
  cancellationWas: (p) => `Il était prévu : ${p.when}`,
  answerSubject: (p) => `${p.guest} a ${answerWords[p.status]} : ${p.title}`,
  answerBody: (p) => `${p.guest} a ${answerWords[p.status]} votre invitation.`,
  answerWhen: (p) => `Quand : ${p.when}`,
  answerOpenCalendar: 'Ouvrir le calendrier',
};

const answerWords: Record<AnswerStatus, string> = {
  accepted: 'accepté',
  tentative: 'provisoirement accepté',
  declined: 'refusé',
};
