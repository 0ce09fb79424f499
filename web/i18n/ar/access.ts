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
    permissionsOf: 'صلاحيات الدور {name}',
    notHeld: 'أنت نفسك لا تملك هذه الصلاحية.',
    needsPermission: 'يتطلب تغيير دور الصلاحية «{permission}».',
    saved: 'تم حفظ الدور',
    savedMessage: 'تم تحديث الدور {name}.',
  },
  permissions: {
    users: {
      view: 'عرض مستخدمي مؤسستي',
      create: 'إنشاء مستخدمين',
      edit: 'تعديل المستخدمين وأدوارهم',
      disable: 'تفعيل المستخدمين وتعطيلهم',
    },
    password_management: 'تغيير كلمة مرور مستخدم آخر أو إعادة تعيينها',
    manage_api_keys: 'إدارة مفتاح API لمستخدم آخر',
    update_own_profile: 'تعديل ملفي الشخصي',
    update_own_configuration: 'تغيير إعداداتي الخاصة',
    manage_menus: 'تهيئة قوائمي',
    audit: {
      view: 'عرض سجل التدقيق الأمني',
    },
    roles: {
      manage: 'تعديل صلاحيات الأدوار',
    },
    organizations: {
      manage: 'إنشاء المؤسسات وإعادة تسميتها',
    },
    organization: {
      settings: 'تغيير إعدادات المؤسسة',
    },
    custom_fields: {
      manage: 'تعريف حقول مستخدم مخصصة',
    },
    mail: {
      manage: 'عرض البريد الصادر وإعادة إرساله',
    },
    calendar_events: {
      assign: 'تعيين أحداث في تقويمات مستخدمين آخرين',
      manage: 'تعديل أحداث تقويم المستخدمين الآخرين وحذفها',
    },
    tasks: {
      assign: 'تعيين مهام لمستخدمين آخرين',
      manage: 'تعديل مهام المستخدمين الآخرين وحذفها',
    },
    system: {
      settings: 'تغيير إعدادات النظام',
    },
    activities: {
      view: 'عرض أنشطة المستخدمين الآخرين',
    },
    calls: {
      log: 'تسجيل المكالمات',
      manage: 'تعديل مكالمات المستخدمين الآخرين وحذفها',
    },
    emails: {
      send: 'إرسال رسائل البريد الإلكتروني',
    },
    email_templates: {
      manage: 'إدارة قوالب البريد الإلكتروني',
    },
  },
} as const satisfies Translation;
