import type { Translation } from '../translation';

/** Arabic: the API Key field of My User (and of a user's page). */
export const apiKeys = {
  label: 'مفتاح API',
  loading: 'جارٍ تحميل مفتاح API…',
  none: 'غير متوفر',
  generate: 'إنشاء مفتاح',
  revoke: 'إبطال',
  notChanged: 'لم يتغيّر مفتاح API',
  replace: {
    title: 'استبدال مفتاح API؟',
    explain: 'يتوقف المفتاح الحالي ({prefix}…) عن العمل فورًا. كل ما يستخدمه سيحتاج إلى المفتاح الجديد.',
  },
  revokeConfirm: {
    title: 'إبطال مفتاح API؟',
    explain: 'يتوقف المفتاح ({prefix}…) عن العمل فورًا. يمكنك إنشاء مفتاح جديد في أي وقت.',
  },
  summary: {
    created: 'أُنشئ في {date}',
    lastUsed: 'آخر استخدام في {date}',
    lastUsedFrom: 'آخر استخدام في {date} من {ip}',
    neverUsed: 'لم يُستخدم قط',
  },
  newKey: {
    warning: 'انسخ مفتاح API الجديد الآن: لن يُعرض مرة أخرى.',
    label: 'مفتاح API الجديد',
    copyKey: 'نسخ مفتاح API',
    tryIt: 'جرّبه من الطرفية:',
    copyCurl: 'نسخ أمر curl',
    done: 'تم',
    copied: 'تم النسخ',
  },
} as const satisfies Translation;
