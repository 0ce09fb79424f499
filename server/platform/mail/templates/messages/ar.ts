import type { Messages } from './en';

/**
 * The Arabic words of the system emails' frame (Language setting "العربية"), written right to left;
 * ICU, checked against `en`. A name placed in a sentence is isolated when the message is formatted
 * (`compile.ts`), so it needs no marks here.
 */
export const ar: Messages = {
  productName: 'Atrium',
  greeting: 'مرحبًا {name}،',
  footer: 'أُرسلت هذه الرسالة من Atrium. تصلك بسبب حسابك هناك.',
  linkFallback: 'إذا لم يعمل الزر، فانسخ هذا العنوان إلى متصفحك:',
};
