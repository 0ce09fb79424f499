/**
 * The English message catalog of the system emails: the reference every other language is checked
 * against (a translation is a `Partial<Messages>`; a missing entry falls back to English).
 * Functions rather than format strings, so a language can decide word order and plurals itself.
 */
export const en = {
  productName: 'Atrium',
  greeting: (p: { name: string }) => `Hello ${p.name},`,
  footer: 'This email was sent by Atrium. You receive it because of your account there.',
  linkFallback: 'If the button does not work, copy this address into your browser:',
  hours: (p: { count: number }) => (p.count === 1 ? '1 hour' : `${p.count} hours`),

  passwordChangedSubject: 'Your Atrium password was changed',
  passwordChangedHeading: 'Your password was changed',
  passwordChangedBySelf: (p: { when: string }) =>
    `The password of your Atrium account was changed on ${p.when}.`,
  passwordChangedByAdministrator: (p: { when: string }) =>
    `An administrator changed the password of your Atrium account on ${p.when}.`,
  passwordChangedNewPassword: 'Your new password is:',
  passwordChangedNewPasswordAdvice: 'Change it after you sign in, and delete this email.',
  passwordChangedNotYou: 'If you did not expect this, contact your administrator at once.',
  passwordChangedAction: 'Sign in',

  passwordResetSubject: 'Reset your Atrium password',
  passwordResetHeading: 'Reset your password',
  passwordResetBySelf: 'Someone (hopefully you) asked to reset the password of your Atrium account.',
  passwordResetByAdministrator:
    'An administrator reset the password of your Atrium account. Choose a new password to sign in again.',
  passwordResetAction: 'Choose a new password',
  passwordResetExpiry: (p: { hours: string }) => `This link works once and expires in ${p.hours}.`,
  passwordResetIgnore:
    'If you did not ask for this, you can ignore this email: your password stays the same.',

  emailVerificationSubject: 'Confirm your email address for Atrium',
  emailVerificationHeading: 'Confirm your email address',
  emailVerificationBody: (p: { email: string }) => `Please confirm that ${p.email} is your email address.`,
  emailVerificationAction: 'Confirm email address',
  emailVerificationExpiry: (p: { hours: string }) => `This link expires in ${p.hours}.`,
  emailVerificationIgnore: 'If you did not add this address to an Atrium account, you can ignore this email.',

  emailChangedSubject: 'The email address of your Atrium account was changed',
  emailChangedHeading: 'Your email address was changed',
  emailChangedBody: (p: { oldEmail: string; newEmail: string }) =>
    `The email address of your Atrium account was changed from ${p.oldEmail} to ${p.newEmail}.`,
  emailChangedNotYou: 'If you did not make this change, contact your administrator at once.',

  reminderSubject: (p: { title: string }) => `Reminder: ${p.title}`,
  reminderEventStarts: (p: { when: string }) => `This event starts ${p.when}.`,
  reminderTaskDue: (p: { when: string }) => `This task is due ${p.when}.`,
  reminderOpenCalendar: 'Open the calendar',
  reminderOpenTask: 'Open the task',

  invitationSubject: (p: { title: string; isNew: boolean }) =>
    `${p.isNew ? 'Invitation' : 'Updated invitation'}: ${p.title}`,
  invitationBody: (p: { organizer: string; isNew: boolean }) =>
    `${p.organizer} ${p.isNew ? 'invites you to' : 'changed'} this event.`,
  invitationWhen: (p: { when: string; repeats: boolean }) =>
    `When: ${p.when}${p.repeats ? ' (repeats)' : ''}`,
  invitationAnswerHint: 'Answer with the button below, or in your calendar application.',
  invitationAnswerAction: 'Accept, Tentative or Decline',
  cancellationSubject: (p: { title: string }) => `Cancelled: ${p.title}`,
  cancellationBody: (p: { organizer: string }) =>
    `${p.organizer} cancelled this event, or removed you from it.`,
  cancellationWas: (p: { when: string }) => `It was: ${p.when}`,
  answerSubject: (p: { guest: string; status: AnswerStatus; title: string }) =>
    `${p.guest} ${answerWords[p.status]}: ${p.title}`,
  answerBody: (p: { guest: string; status: AnswerStatus }) =>
    `${p.guest} ${answerWords[p.status]} your invitation.`,
  answerWhen: (p: { when: string }) => `When: ${p.when}`,
  answerOpenCalendar: 'Open the calendar',
};

/** A guest's answer to an invitation, as the organizer's email tells it. */
export type AnswerStatus = 'accepted' | 'tentative' | 'declined';

const answerWords: Record<AnswerStatus, string> = {
  accepted: 'accepted',
  tentative: 'tentatively accepted',
  declined: 'declined',
};

export type Messages = typeof en;
