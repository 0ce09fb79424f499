import type { Translation } from '../translation';

/** Arabic: the Audit Log page. */
export const audit = {
  title: 'سجل التدقيق',
  formerMember: 'عضو سابق',
  notAvailable: 'غير متاح لك',
  needsPermission: 'يتطلب عرض سجل التدقيق الصلاحية «{permission}».',
  filters: 'تصفية سجل التدقيق',
  action: 'الإجراء',
  anyAction: 'أي إجراء',
  from: 'من',
  clearFrom: 'مسح تاريخ «من»',
  to: 'إلى',
  clearTo: 'مسح تاريخ «إلى»',
  loadFailed: 'تعذّر تحميل سجل التدقيق',
  loading: 'جارٍ تحميل سجل التدقيق…',
  columns: {
    when: 'الوقت',
    action: 'الإجراء',
    user: 'المستخدم',
    by: 'بواسطة',
    ip: 'عنوان IP',
    details: 'التفاصيل',
  },
  empty: 'لا توجد أحداث تطابق عوامل التصفية هذه.',
  total:
    '{count, plural, zero {لا أحداث} one {حدث واحد} two {حدثان} few {# أحداث} many {# حدثًا} other {# حدث}}',
  previousPage: 'الصفحة السابقة',
  nextPage: 'الصفحة التالية',
  actions: {
    session: {
      signed_in: 'تسجيل دخول',
      sign_in_failed: 'محاولة دخول فاشلة',
      signed_out: 'تسجيل خروج',
      ended: 'انتهاء الجلسة',
      organization_switched: 'تبديل المؤسسة',
    },
    account: {
      locked: 'قفل الحساب',
    },
    user: {
      created: 'إنشاء الحساب',
      updated: 'تعديل الحساب',
      enabled: 'تفعيل الحساب',
      disabled: 'تعطيل الحساب',
      roles_changed: 'تغيير الأدوار',
      instance_administrator_appointed: 'تعيين مسؤول للنظام',
      instance_administrator_dismissed: 'إعفاء مسؤول النظام',
    },
    role: {
      permissions_changed: 'تغيير صلاحيات الدور',
    },
    organization: {
      created: 'إنشاء مؤسسة',
      renamed: 'إعادة تسمية مؤسسة',
    },
    profile: {
      updated: 'تعديل الملف الشخصي',
      email_changed: 'تغيير البريد الإلكتروني الأساسي',
    },
    avatar: {
      changed: 'تغيير الصورة الرمزية',
      removed: 'إزالة الصورة الرمزية',
    },
    email: {
      verified: 'تأكيد عنوان البريد الإلكتروني',
    },
    custom_field: {
      created: 'إنشاء حقل مخصص',
      updated: 'تعديل حقل مخصص',
      deleted: 'حذف حقل مخصص',
    },
    password: {
      changed: 'تغيير كلمة المرور',
      change_failed: 'فشل تغيير كلمة المرور',
      set_by_admin: 'تعيين كلمة المرور من قبل مسؤول',
      reset_by_admin: 'إعادة تعيين كلمة المرور من قبل مسؤول',
      reset_requested: 'طلب إعادة تعيين كلمة المرور',
      reset_completed: 'اكتمال إعادة تعيين كلمة المرور',
    },
    api_key: {
      generated: 'إنشاء مفتاح API',
      revoked: 'إلغاء مفتاح API',
    },
    settings: {
      changed: 'تغيير الإعدادات',
    },
    menus: {
      changed: 'تغيير القوائم الافتراضية للمؤسسة',
      personal_changed: 'تغيير القوائم الشخصية',
    },
    mail: {
      retried: 'إعادة إرسال البريد الإلكتروني',
    },
  },
} as const satisfies Translation;
