import type { Translation } from '../translation';

/** Arabic: the Email Templates page. */
export const emailTemplates = {
  page: {
    title: 'قوالب البريد الإلكتروني',
    intro:
      'قوالب يُدرجها أعضاء هذه المؤسسة عبر «القالب» في نافذة إرسال بريد إلكتروني. تُملأ المتغيرات للمستلم عند إدراج القالب.',
    add: 'إضافة قالب',
    loading: 'جارٍ تحميل قوالب البريد الإلكتروني…',
    empty: 'لا توجد قوالب بريد إلكتروني بعد.',
    name: 'الاسم',
    subject: 'الموضوع',
    updated: 'آخر تحديث',
    actions: 'الإجراءات',
    edit: 'تعديل',
    editNamed: 'تعديل {name}',
    delete: 'حذف',
    deleteNamed: 'حذف {name}',
    forbidden: 'لا يدير قوالب البريد الإلكتروني إلا المسؤولون.',
  },
  dialog: {
    addTitle: 'إضافة قالب',
    editTitle: 'تعديل «{name}»',
    notSaved: 'لم يُحفظ القالب',
    name: 'الاسم',
    subject: 'الموضوع',
    body: 'النص',
    loadingEditor: 'جارٍ تحميل المحرر…',
    saved: 'تم حفظ «{name}».',
    close: 'إغلاق',
    nameRequired: 'أدخل اسمًا.',
    subjectRequired: 'أدخل موضوعًا.',
  },
  variables: {
    title: 'المتغيرات',
    intro: 'اكتب متغيرًا في الموضوع أو النص؛ يُستبدل عند إدراج القالب:',
    recipient: {
      firstName: 'الاسم الأول للمستلم',
      lastName: 'اسم عائلة المستلم',
      fullName: 'الاسم الكامل للمستلم',
      email: 'عنوان البريد الإلكتروني للمستلم',
    },
    sender: {
      firstName: 'اسمك الأول (اسم المرسِل)',
      lastName: 'اسم عائلتك',
      fullName: 'اسمك الكامل',
      email: 'عنوان بريدك الإلكتروني',
    },
    organization: { name: 'اسم المؤسسة' },
    unfilledNote:
      'القيمة التي لا يملكها المستلم (العنوان المكتوب يدويًا ليس له اسم أول) تبقى متغيرًا، ولا يمكن إرسال البريد حتى تُستبدل.',
  },
  remove: {
    title: 'حذف هذا القالب؟',
    text: 'سيُحذف «{name}». لا تتغير الرسائل المرسلة به من قبل.',
    confirm: 'حذف',
    deleted: 'تم حذف «{name}».',
    failed: 'لم يُحذف القالب',
  },
} as const satisfies Translation;
