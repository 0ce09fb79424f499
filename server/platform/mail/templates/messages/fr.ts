import type { Messages } from './en';

/** The French words of the system emails' frame (Language setting "Français"); checked against `en`. */
export const fr: Messages = {
  productName: 'Atrium',
  greeting: (p) => `Bonjour ${p.name},`,
  footer: 'Cet e-mail a été envoyé par Atrium. Vous le recevez en raison de votre compte.',
  linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  hours: (p) => (p.count < 2 ? `${p.count} heure` : `${p.count} heures`),
};
