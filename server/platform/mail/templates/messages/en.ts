/**
 * The English words of every system email's frame (greeting, footer, the link under the button,
 * durations): the reference every other language is checked against. A feature's own emails bring
 * their words with them (`registerMailTemplate`); a missing entry falls back to English.
 * Functions rather than format strings, so a language can decide word order and plurals itself.
 */
export const en = {
  productName: 'Atrium',
  greeting: (p: { name: string }) => `Hello ${p.name},`,
  footer: 'This email was sent by Atrium. You receive it because of your account there.',
  linkFallback: 'If the button does not work, copy this address into your browser:',
  hours: (p: { count: number }) => (p.count === 1 ? '1 hour' : `${p.count} hours`),
};

export type Messages = typeof en;
