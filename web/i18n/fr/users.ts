import type { Translation } from '../translation';

/** French: My User, the users grid, Create User, Edit. */
export const users = {
  activityAndCalendar: {
    tabs: 'Activité et calendrier',
    activity: 'Activité',
    calendar: 'Calendrier',
    loading: 'Chargement du calendrier…',
  },
  create: {
    title: 'Créer un utilisateur',
    failed: 'L’utilisateur n’a pas été créé',
    username: 'Nom d’utilisateur',
    primaryEmail: 'E-mail principal',
    firstName: 'Prénom',
    lastName: 'Nom',
    password: 'Mot de passe',
    passwordRequired: 'Saisissez un mot de passe ou cliquez sur Suggérer un mot de passe.',
    suggestPassword: 'Suggérer un mot de passe',
    roles: 'Rôles',
    noRoles: 'Aucun rôle',
    mustChangePassword: 'L’utilisateur doit changer le mot de passe à la prochaine connexion',
    created: 'Utilisateur créé',
    createdMessage: '{{username}} peut maintenant se connecter.',
  },
  edit: {
    loading: 'Chargement du profil…',
    titleSelf: 'Modifier mon utilisateur',
    titleOther: 'Modifier l’utilisateur',
    titleOtherNamed: 'Modifier l’utilisateur : {{name}}',
    cannotEdit: 'Cet utilisateur ne peut pas être modifié',
    notAvailable: 'Non disponible pour vous',
    needsPermission: 'Modifier ce profil nécessite l’autorisation « {{permission}} ».',
    notSaved: 'Le profil n’a pas été enregistré',
    general: 'Général',
    additional: 'Informations complémentaires',
    password: 'Mot de passe',
    tabWithErrors: '{{tab}} ({{count}} à corriger)',
    stale: {
      title: 'Cet utilisateur a été modifié entre-temps',
      explain:
        'Quelqu’un a modifié ce profil depuis que vous l’avez ouvert (peut-être dans un autre onglet). Rechargez-le pour voir ses changements ; vos modifications non enregistrées ici seront perdues.',
      reload: 'Recharger',
    },
    leave: {
      title: 'Quitter sans enregistrer ?',
      explain:
        'Vos changements de ce profil ne sont pas enregistrés. Si vous partez maintenant, ils sont perdus.',
      stay: 'Rester sur cette page',
      leave: 'Quitter sans enregistrer',
    },
    savedOther: 'L’utilisateur a été enregistré.',
    savedProfile: 'Votre profil a été enregistré.',
    savedPassword: 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.',
    savedProfileAndPassword:
      'Votre profil et votre nouveau mot de passe ont été enregistrés. Vos autres sessions ont été fermées.',
    currentPasswordRequired: 'Saisissez votre mot de passe actuel pour changer votre e-mail principal.',
  },
} as const satisfies Translation;
