/**
 * The English words of every system email's frame (greeting, footer, the link under the button):
 * the reference every other language is checked against (`../catalogs.test.ts`). Each
 * is an ICU message (`{name}`; plurals and selects as `{count, plural, …}`), compiled for the
 * recipient's language (`compile.ts`). A feature's own emails bring their words with them
 * (`registerMailTemplate`); a missing entry falls back to English.
 */
export const en = {
  productName: 'Atrium',
  greeting: 'Hello {name},',
  footer: 'This email was sent by Atrium. You receive it because of your account there.',
  linkFallback: 'If the button does not work, copy this address into your browser:',
};

export type Messages = typeof en;
