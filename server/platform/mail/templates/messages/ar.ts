import type { Messages } from './en';

/**
 * A name, address or title inside Arabic text, isolated (U+2068 … U+2069, the plain-text `<bdi>`)
 * so Latin words and their punctuation keep their order in a right-to-left sentence.
 */
export const isolate = (value: string) => `\u2068${value}\u2069`;

/** "3 ساعات", "ساعتان": Arabic's six plural forms (Intl.PluralRules). */
function hours(count: number): string {
  switch (new Intl.PluralRules('ar').select(count)) {
    case 'zero':
      return `${count} ساعة`;
    case 'one':
      return 'ساعة واحدة';
    case 'two':
      return 'ساعتين';
    case 'few':
      return `${count} ساعات`;
    default:
      return `${count} ساعة`;
  }
}

/** The Arabic words of the system emails' frame (Language setting "العربية"), written right to left. */
export const ar: Messages = {
  productName: 'Atrium',
  greeting: (p) => `مرحبًا ${isolate(p.name)}،`,
  footer: 'أُرسلت هذه الرسالة من Atrium. تصلك بسبب حسابك هناك.',
  linkFallback: 'إذا لم يعمل الزر، فانسخ هذا العنوان إلى متصفحك:',
  hours: (p) => hours(p.count),
};
