import type { Translation } from '../translation';

/** Arabic: API errors by their code. */
export const errors = {
  network_error: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك ثم حاول مرة أخرى.',
  internal_error: 'حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.',
  forbidden: 'ليست لديك صلاحية القيام بذلك.',
  not_found: 'هذا السجل غير موجود أو تم حذفه.',
  rate_limited: 'محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.',
} as const satisfies Translation;
