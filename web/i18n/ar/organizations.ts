import type { Translation } from '../translation';

/** Arabic: the Organizations page. */
export const organizations = {
  title: 'المؤسسات',
  loading: 'جارٍ تحميل المؤسسات…',
  loadFailed: 'تعذّر تحميل المؤسسات',
  create: 'إنشاء مؤسسة',
  name: 'الاسم',
  createdColumn: 'تاريخ الإنشاء',
  actions: 'الإجراءات',
  current: 'الحالية',
  rename: {
    title: 'إعادة تسمية المؤسسة',
    button: 'إعادة تسمية',
    labelFor: 'إعادة تسمية {name}',
    switchFirst: 'انتقل إليها لإعادة تسميتها',
  },
  notSaved: 'لم تُحفظ المؤسسة',
  saved: 'تم الحفظ',
  created: 'تم إنشاء {name}. أنت مسؤولها.',
  renamed: 'أصبح اسم المؤسسة {name}.',
} as const satisfies Translation;
