import type { Messages } from './en';

/** The German words of the system emails' frame (Language setting "Deutsch"); ICU, checked against `en`. */
export const de: Messages = {
  productName: 'Atrium',
  greeting: 'Hallo {name},',
  footer: 'Diese E-Mail wurde von Atrium gesendet. Sie erhalten sie wegen Ihres Kontos dort.',
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
};
