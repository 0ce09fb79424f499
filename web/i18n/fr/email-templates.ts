import type { Translation } from '../translation';

/** French: the Email Templates page. */
export const emailTemplates = {
  page: {
    title: 'Modèles d’e-mail',
    intro:
      'Les modèles que les personnes de cette organisation insèrent avec Modèle dans la fenêtre Envoyer un e-mail. Les variables sont remplies pour le destinataire à l’insertion.',
    add: 'Ajouter un modèle',
    loading: 'Chargement des modèles d’e-mail…',
    empty: 'Aucun modèle d’e-mail pour l’instant.',
    name: 'Nom',
    subject: 'Objet',
    updated: 'Mis à jour',
    actions: 'Actions',
    edit: 'Modifier',
    editNamed: 'Modifier {name}',
    delete: 'Supprimer',
    deleteNamed: 'Supprimer {name}',
    forbidden: 'Seuls les administrateurs peuvent gérer les modèles d’e-mail.',
  },
  dialog: {
    addTitle: 'Ajouter un modèle',
    editTitle: 'Modifier « {name} »',
    notSaved: 'Le modèle n’a pas été enregistré',
    name: 'Nom',
    subject: 'Objet',
    body: 'Corps',
    loadingEditor: 'Chargement de l’éditeur…',
    saved: '« {name} » a été enregistré.',
    close: 'Fermer',
    nameRequired: 'Saisissez un nom.',
    subjectRequired: 'Saisissez un objet.',
  },
  variables: {
    title: 'Variables',
    intro: 'Écrivez une variable dans l’objet ou le corps ; elle est remplacée à l’insertion du modèle :',
    recipient: {
      firstName: 'le prénom du destinataire',
      lastName: 'le nom du destinataire',
      fullName: 'le nom complet du destinataire',
      email: 'l’adresse e-mail du destinataire',
    },
    sender: {
      firstName: 'votre prénom (celui de l’expéditeur)',
      lastName: 'votre nom',
      fullName: 'votre nom complet',
      email: 'votre adresse e-mail',
    },
    organization: { name: 'le nom de l’organisation' },
    unfilledNote:
      'Une valeur que le destinataire n’a pas (une adresse saisie n’a pas de prénom) reste sous forme de variable, et l’e-mail ne peut pas être envoyé tant qu’elle n’est pas remplacée.',
  },
  remove: {
    title: 'Supprimer ce modèle ?',
    text: '« {name} » est supprimé. Les e-mails déjà envoyés avec lui ne changent pas.',
    confirm: 'Supprimer',
    deleted: '« {name} » a été supprimé.',
    failed: 'Le modèle n’a pas été supprimé',
  },
} as const satisfies Translation;
