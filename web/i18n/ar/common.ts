import type { Translation } from '../translation';

/** Arabic: the words every feature shares. */
export const common = {
  actions: {
    cancel: 'إلغاء',
    save: 'حفظ',
    saveAndClose: 'حفظ وإغلاق',
    close: 'إغلاق',
    closeNotification: 'إغلاق الإشعار',
    remove: 'إزالة',
    clear: 'مسح',
    edit: 'تعديل',
    delete: 'حذف',
  },
  failures: {
    internal: 'حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.',
    http: 'فشل الطلب (HTTP {status}).',
    network: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
  },
  states: {
    loading: 'جارٍ التحميل…',
  },
  timeField: {
    times: 'الأوقات',
    notATime: 'هذا ليس وقتًا. اكتبه مثل {example} أو اختره من القائمة.',
  },
  dateField: {
    hint: 'اختر تاريخًا أو اكتبه بالصيغة {format}',
    notADate: 'هذا ليس تاريخًا. اكتبه بالصيغة {format} أو اختره من التقويم.',
    previousMonth: 'الشهر السابق',
    nextMonth: 'الشهر التالي',
    previousYear: 'السنة السابقة',
    nextYear: 'السنة التالية',
    previousDecade: 'العقد السابق',
    nextDecade: 'العقد التالي',
    chooseMonth: 'اختر الشهر',
    chooseYear: 'اختر السنة',
  },
} as const satisfies Translation;
