import type { Messages } from './en';

/** The French words of the system emails' frame (Language setting "Français"); ICU, checked against `en`. */
export const fr: Messages = {
  productName: 'Atrium',
  greeting: 'Bonjour {name},',
  footer: 'Cet e-mail a été envoyé par Atrium. Vous le recevez en raison de votre compte.',
  linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
};
