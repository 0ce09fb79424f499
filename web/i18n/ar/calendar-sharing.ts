import type { Translation } from '../translation';

/** Arabic: answers to invitations and My calendar feed. */
export const calendarSharing = {
  response: {
    legend: 'ردّك',
    accept: 'قبول',
    tentative: 'مبدئي',
    decline: 'رفض',
    current: {
      none: 'لم تردّ بعد.',
      accepted: 'لقد قبلت.',
      tentative: 'لقد رددت بشكل مبدئي.',
      declined: 'لقد رفضت.',
    },
    saving: 'جارٍ إرسال ردّك…',
    saved: 'تم إرسال ردّك إلى المنظِّم.',
    failed: 'لم يُحفظ ردّك',
  },
  feed: {
    title: 'موجز تقويمي',
    explain:
      'عنوان خاص لتقويمك في هذه المؤسسة، للاشتراك فيه من تقويم Google أو Outlook أو تقويم Apple. يستطيع أي شخص لديه العنوان قراءة أحداثك: احتفظ به سرًّا.',
    loading: 'جارٍ تحميل موجز التقويم…',
    none: 'ليس لديك موجز تقويم.',
    active: 'تم إنشاء موجز تقويمك في {date}.',
    create: 'إنشاء',
    replace: 'إنشاء عنوان جديد',
    revoke: 'إبطال',
    copy: 'نسخ',
    copied: 'تم النسخ',
    urlLabel: 'عنوان موجز التقويم',
    shownOnce: 'انسخ العنوان الآن: لن يُعرض إلا هذه المرة.',
    done: 'تم',
    failed: 'لم يتغير موجز التقويم',
    replaceTitle: 'إنشاء عنوان جديد؟',
    replaceExplain: 'يتوقف العنوان الحالي عن العمل فورًا. ستحتاج التقاويم المشتركة فيه إلى العنوان الجديد.',
    revokeTitle: 'إبطال موجز التقويم؟',
    revokeExplain: 'يتوقف العنوان عن العمل فورًا. يمكنك إنشاء عنوان جديد في أي وقت.',
    cancel: 'إلغاء',
    close: 'إغلاق',
    revoked: 'تم إبطال موجز التقويم.',
  },
} as const satisfies Translation;
