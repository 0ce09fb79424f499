import type { Messages } from './en';

/** The German words of the system emails' frame (Language setting "Deutsch"); checked against `en`. */
export const de: Messages = {
  productName: 'Atrium',
  greeting: (p) => `Hallo ${p.name},`,
  footer: 'Diese E-Mail wurde von Atrium gesendet. Sie erhalten sie wegen Ihres Kontos dort.',
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
  hours: (p) => (p.count === 1 ? '1 Stunde' : `${p.count} Stunden`),
};
