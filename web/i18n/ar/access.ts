import type { Translation } from '../translation';

/** Arabic: the access feature (roles). */
export const access = {
  roles: {
    title: 'الأدوار',
    loading: 'جارٍ تحميل الأدوار…',
    loadFailed: 'تعذّر تحميل الأدوار',
    intro: 'اختر ما يمكن لكل دور فعله في هذه المؤسسة. يرى الأعضاء التغيير في صفحتهم التالية.',
    builtIn: 'مدمج',
    notSaved: 'لم يُحفظ الدور',
    permissionsOf: 'صلاحيات الدور {{name}}',
    notHeld: 'أنت نفسك لا تملك هذه الصلاحية.',
    needsPermission: 'يتطلب تغيير دور الصلاحية «{{permission}}».',
    saved: 'تم حفظ الدور',
    savedMessage: 'تم تحديث الدور {{name}}.',
  },
} as const satisfies Translation;
