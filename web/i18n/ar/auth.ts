import type { Translation } from '../translation';

/** Arabic: the sign-in page. */
export const auth = {
  signIn: {
    title: 'تسجيل الدخول',
    login: 'اسم المستخدم أو البريد الإلكتروني',
    password: 'كلمة المرور',
    forgotPassword: 'هل نسيت كلمة المرور؟',
    submit: 'تسجيل الدخول',
    loginRequired: 'أدخل اسم المستخدم أو البريد الإلكتروني.',
    passwordRequired: 'أدخل كلمة المرور.',
    failed: 'فشل تسجيل الدخول',
    invalidCredentials: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
    accountLocked: 'الحساب مقفل',
    accountDisabled: 'الحساب معطّل',
    passwordResetRequired: 'أعاد مسؤول تعيين كلمة المرور',
    rateLimited: 'محاولات كثيرة جدًا',
    rateLimitedMessage: 'عمليات تسجيل دخول كثيرة جدًا من هذه الشبكة. انتظر دقيقة ثم حاول مرة أخرى.',
    reasons: {
      'password-reset': {
        title: 'أُعيد تعيين كلمة مرورك',
        message:
          'تم تسجيل خروجك من كل مكان. افتح الرابط الذي أرسلناه إلى بريدك الإلكتروني الأساسي لاختيار كلمة مرور جديدة، ثم سجّل الدخول بها.',
      },
      'password-changed': {
        title: 'تم تغيير كلمة مرورك',
        message: 'سجّل الدخول بكلمة مرورك الجديدة.',
      },
    },
  },
} as const satisfies Translation;
