import type { Translation } from '../translation';

/** Arabic: Custom User Fields. */
export const customFields = {
  dialog: {
    addTitle: 'إضافة حقل',
    editTitle: 'تعديل «{{label}}»',
    notSaved: 'لم يُحفظ الحقل',
    label: 'التسمية',
    name: 'الاسم',
    nameDescription: 'الاسم البرمجي الذي تستخدمه الواجهة البرمجية، مثل shirt_size. لا يمكن تغييره لاحقًا.',
    type: 'النوع',
    choices: 'الخيارات',
    choicesDescription: 'خيار واحد في كل سطر',
    choicesRequired: 'تحتاج قائمة الخيارات إلى خيار واحد على الأقل، خيار في كل سطر.',
    required: 'إلزامي',
    position: 'الترتيب',
    positionDescription: 'تُعرض الحقول بهذا الترتيب',
    saved: 'تم حفظ «{{label}}».',
  },
} as const satisfies Translation;
