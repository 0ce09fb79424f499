/** The email-templates feature: the Email Templates page (administrators), Add Template, Edit “…”. */
export const emailTemplates = {
  page: {
    title: 'Email Templates',
    intro:
      'Templates people of this organization insert with Template in the Send Email dialog. Variables are filled for the recipient when a template is inserted.',
    add: 'Add Template',
    loading: 'Loading the email templates…',
    empty: 'No email templates yet.',
    name: 'Name',
    subject: 'Subject',
    updated: 'Updated',
    actions: 'Actions',
    edit: 'Edit',
    editNamed: 'Edit {name}',
    delete: 'Delete',
    deleteNamed: 'Delete {name}',
    forbidden: 'Only administrators can manage email templates.',
  },
  dialog: {
    addTitle: 'Add Template',
    editTitle: 'Edit “{name}”',
    notSaved: 'The template was not saved',
    name: 'Name',
    subject: 'Subject',
    body: 'Body',
    loadingEditor: 'Loading the editor…',
    saved: '“{name}” was saved.',
    close: 'Close',
    nameRequired: 'Enter a name.',
    subjectRequired: 'Enter a subject.',
  },
  variables: {
    title: 'Variables',
    intro: 'Write a variable in the subject or the body; it is replaced when the template is inserted:',
    recipient: {
      firstName: 'the recipient’s first name',
      lastName: 'the recipient’s last name',
      fullName: 'the recipient’s full name',
      email: 'the recipient’s email address',
    },
    sender: {
      firstName: 'your first name (the sender’s)',
      lastName: 'your last name',
      fullName: 'your full name',
      email: 'your email address',
    },
    organization: { name: 'the organization’s name' },
    unfilledNote:
      'A value the recipient does not have (a typed address has no first name) stays as its variable, and the email cannot be sent until it is replaced.',
  },
  remove: {
    title: 'Delete this template?',
    text: '“{name}” is deleted. Emails already sent with it are not changed.',
    confirm: 'Delete',
    deleted: '“{name}” was deleted.',
    failed: 'The template was not deleted',
  },
} as const;
