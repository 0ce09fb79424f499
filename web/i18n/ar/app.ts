import type { Translation } from '../translation';

/** Arabic: the frame around every page: layout, user menu, home, error and not-found pages. */
export const app = {
  layout: {
    skipToContent: 'الانتقال إلى المحتوى الرئيسي',
    loadingPage: 'جارٍ تحميل الصفحة…',
    loadingProfile: 'جارٍ تحميل ملفك الشخصي…',
  },
  userMenu: {
    signIn: 'تسجيل الدخول',
    logout: 'تسجيل الخروج',
    signOutFailed: 'ما زلت مسجّل الدخول',
  },
  home: {
    title: 'الرئيسية',
    welcomeAnonymous: 'مرحبًا بك في Atrium',
    welcome: 'مرحبًا، {firstName}',
    signInExplain: 'سجّل الدخول لفتح مساحة عملك.',
    signIn: 'تسجيل الدخول',
  },
  shortcuts: {
    my_user: 'مستخدمي',
    my_configuration: 'إعداداتي',
    custom_fields: 'حقول المستخدم المخصصة',
    password_policy: 'سياسة كلمات المرور',
    outbox: 'صندوق الصادر',
  },
  shortcutDescriptions: {
    my_user: 'راجع ملفك الشخصي، وغيّر كلمة مرورك، وأنشئ مفتاح API، واطّلع على نشاطك.',
    my_configuration: 'اختر لغتك ومنطقتك الزمنية وتوقيع بريدك الإلكتروني وإعداداتك الشخصية الأخرى.',
  },
  organizationSwitcher: {
    current: 'المؤسسة: ',
    button: 'المؤسسة: {name}. تبديل المؤسسة',
    menuLabel: 'تبديل المؤسسة',
    switched: 'تم تبديل المؤسسة',
    switchedMessage: 'أنت تعمل الآن في {name}.',
    switchFailed: 'تعذّر تبديل المؤسسة',
  },
  errorPage: {
    title: 'حدث خطأ ما',
    explain: 'تعذّر عرض هذه الصفحة. غالبًا ما تساعد إعادة تحميلها.',
    reload: 'إعادة التحميل',
    home: 'الانتقال إلى الصفحة الرئيسية',
  },
  notFound: {
    title: 'الصفحة غير موجودة',
    explain: 'الصفحة التي طلبتها غير موجودة أو نُقلت.',
    home: 'الانتقال إلى الصفحة الرئيسية',
  },
} as const satisfies Translation;
