import type { AnswerStatus, Messages } from './en';

/**
 * A name, address or title inside Arabic text, isolated (U+2068 … U+2069, the plain-text `<bdi>`)
 * so Latin words and their punctuation keep their order in a right-to-left sentence.
 */
const isolate = (value: string) => `\u2068${value}\u2069`;

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

/** The Arabic catalog of the system emails (Language setting "العربية"), written right to left. */
export const ar: Messages = {
  productName: 'Atrium',
  greeting: (p) => `مرحبًا ${isolate(p.name)}،`,
  footer: 'أُرسلت هذه الرسالة من Atrium. تصلك بسبب حسابك هناك.',
  linkFallback: 'إذا لم يعمل الزر، فانسخ هذا العنوان إلى متصفحك:',
  hours: (p) => hours(p.count),

  passwordChangedSubject: 'تم تغيير كلمة مرور Atrium الخاصة بك',
  passwordChangedHeading: 'تم تغيير كلمة مرورك',
  passwordChangedBySelf: (p) => `تم تغيير كلمة مرور حسابك في Atrium في ${isolate(p.when)}.`,
  passwordChangedByAdministrator: (p) => `غيّر مسؤول كلمة مرور حسابك في Atrium في ${isolate(p.when)}.`,
  passwordChangedNewPassword: 'كلمة مرورك الجديدة هي:',
  passwordChangedNewPasswordAdvice: 'غيّرها بعد تسجيل الدخول، واحذف هذه الرسالة.',
  passwordChangedNotYou: 'إذا لم تكن تتوقع ذلك، فاتصل بمسؤولك فورًا.',
  passwordChangedAction: 'تسجيل الدخول',

  passwordResetSubject: 'إعادة تعيين كلمة مرور Atrium',
  passwordResetHeading: 'إعادة تعيين كلمة المرور',
  passwordResetBySelf: 'طلب أحدهم (نأمل أن تكون أنت) إعادة تعيين كلمة مرور حسابك في Atrium.',
  passwordResetByAdministrator:
    'أعاد مسؤول تعيين كلمة مرور حسابك في Atrium. اختر كلمة مرور جديدة لتسجيل الدخول مرة أخرى.',
  passwordResetAction: 'اختيار كلمة مرور جديدة',
  passwordResetExpiry: (p) => `يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال ${p.hours}.`,
  passwordResetIgnore: 'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',

  emailVerificationSubject: 'أكّد عنوان بريدك الإلكتروني في Atrium',
  emailVerificationHeading: 'تأكيد عنوان بريدك الإلكتروني',
  emailVerificationBody: (p) => `يُرجى تأكيد أن ${isolate(p.email)} هو عنوان بريدك الإلكتروني.`,
  emailVerificationAction: 'تأكيد عنوان البريد الإلكتروني',
  emailVerificationExpiry: (p) => `تنتهي صلاحية هذا الرابط خلال ${p.hours}.`,
  emailVerificationIgnore: 'إذا لم تُضف هذا العنوان إلى حساب في Atrium، يمكنك تجاهل هذه الرسالة.',

  emailChangedSubject: 'تم تغيير عنوان البريد الإلكتروني لحسابك في Atrium',
  emailChangedHeading: 'تم تغيير عنوان بريدك الإلكتروني',
  emailChangedBody: (p) =>
    `تم تغيير عنوان البريد الإلكتروني لحسابك في Atrium من ${isolate(p.oldEmail)} إلى ${isolate(p.newEmail)}.`,
  emailChangedNotYou: 'إذا لم تُجرِ هذا التغيير، فاتصل بمسؤولك فورًا.',

  reminderSubject: (p) => `تذكير: ${isolate(p.title)}`,
  reminderEventStarts: (p) => `يبدأ هذا الحدث في ${isolate(p.when)}.`,
  reminderTaskDue: (p) => `تستحق هذه المهمة في ${isolate(p.when)}.`,
  reminderOpenCalendar: 'فتح التقويم',
  reminderOpenTask: 'فتح المهمة',

  invitationSubject: (p) => `${p.isNew ? 'دعوة' : 'دعوة معدَّلة'}: ${isolate(p.title)}`,
  invitationBody: (p) =>
    p.isNew ? `يدعوك ${isolate(p.organizer)} إلى هذا الحدث.` : `عدّل ${isolate(p.organizer)} هذا الحدث.`,
  invitationWhen: (p) => `الموعد: ${isolate(p.when)}${p.repeats ? ' (متكرر)' : ''}`,
  invitationAnswerHint: 'ردّ بالزر أدناه، أو في تطبيق التقويم لديك.',
  invitationAnswerAction: 'قبول أو مبدئي أو رفض',
  cancellationSubject: (p) => `أُلغي: ${isolate(p.title)}`,
  cancellationBody: (p) => `ألغى ${isolate(p.organizer)} هذا الحدث، أو أزالك منه.`,
  cancellationWas: (p) => `كان موعده: ${isolate(p.when)}`,
  answerSubject: (p) => `${isolate(p.guest)} ${answerWords[p.status]}: ${isolate(p.title)}`,
  answerBody: (p) => `${isolate(p.guest)} ${answerWords[p.status]} دعوتك.`,
  answerWhen: (p) => `الموعد: ${isolate(p.when)}`,
  answerOpenCalendar: 'فتح التقويم',
};

const answerWords: Record<AnswerStatus, string> = {
  accepted: 'قبِل',
  tentative: 'قبِل مبدئيًا',
  declined: 'رفض',
};
