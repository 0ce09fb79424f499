import type { Translation } from '../translation';

/** Arabic: My User, the users grid, Create User, Edit. */
export const users = {
  activityAndCalendar: {
    tabs: 'النشاط والتقويم',
    activity: 'النشاط',
    calendar: 'التقويم',
    loading: 'جارٍ تحميل التقويم…',
  },
  create: {
    title: 'إنشاء مستخدم',
    failed: 'لم يُنشأ المستخدم',
    username: 'اسم المستخدم',
    primaryEmail: 'البريد الإلكتروني الأساسي',
    firstName: 'الاسم الأول',
    lastName: 'اسم العائلة',
    password: 'كلمة المرور',
    passwordRequired: 'اكتب كلمة مرور أو انقر على اقتراح كلمة مرور.',
    suggestPassword: 'اقتراح كلمة مرور',
    roles: 'الأدوار',
    noRoles: 'لا أدوار',
    mustChangePassword: 'يجب على المستخدم تغيير كلمة المرور عند تسجيل الدخول التالي',
    created: 'تم إنشاء المستخدم',
    createdMessage: 'يستطيع {{username}} تسجيل الدخول الآن.',
  },
  edit: {
    loading: 'جارٍ تحميل الملف الشخصي…',
    titleSelf: 'تعديل مستخدمي',
    titleOther: 'تعديل المستخدم',
    titleOtherNamed: 'تعديل المستخدم: {{name}}',
    cannotEdit: 'لا يمكن تعديل هذا المستخدم',
    notAvailable: 'غير متاح لك',
    needsPermission: 'يتطلب تعديل هذا الملف الشخصي الصلاحية «{{permission}}».',
    notSaved: 'لم يُحفظ الملف الشخصي',
    general: 'عام',
    additional: 'معلومات إضافية',
    password: 'كلمة المرور',
    tabWithErrors: '{{tab}} ({{count}} للتصحيح)',
    stale: {
      title: 'تم تغيير هذا المستخدم في هذه الأثناء',
      explain:
        'غيّر أحدهم هذا الملف الشخصي منذ أن فتحته (ربما في علامة تبويب أخرى). أعد تحميله لرؤية تغييراته؛ ستضيع تعديلاتك غير المحفوظة هنا.',
      reload: 'إعادة التحميل',
    },
    leave: {
      title: 'المغادرة دون حفظ؟',
      explain: 'لم تُحفظ تغييراتك على هذا الملف الشخصي. إذا غادرت الآن فستضيع.',
      stay: 'البقاء في هذه الصفحة',
      leave: 'المغادرة دون حفظ',
    },
    savedOther: 'تم حفظ المستخدم.',
    savedProfile: 'تم حفظ ملفك الشخصي.',
    savedPassword: 'تم تغيير كلمة مرورك. تم تسجيل خروج جلساتك الأخرى.',
    savedProfileAndPassword: 'تم حفظ ملفك الشخصي وكلمة مرورك الجديدة. تم تسجيل خروج جلساتك الأخرى.',
    currentPasswordRequired: 'اكتب كلمة مرورك الحالية لتغيير بريدك الإلكتروني الأساسي.',
  },
} as const satisfies Translation;
