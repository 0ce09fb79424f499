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
  states: {
    loading: 'جارٍ التحميل…',
  },
} as const satisfies Translation;
