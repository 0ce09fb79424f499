import type { AttendeeStatus } from '../../platform/db/schema';
import type { AnswerStatus } from './answers';

/**
 * The words of a guest's answer page (public-routes.ts) in each interface language. The page is
 * read by someone invited by address, who may have no account: it speaks the language of the
 * invitation email they followed (`recipientLocalization` in the event's organization), so the
 * page and the mail agree. Values placed in a sentence (`title`, a name, an address) arrive
 * already escaped and isolated (`<bdi>`) by the page.
 */
const en = {
  when: 'When',
  repeats: '(repeats)',
  organizer: 'Organizer',
  guest: 'Guest',
  thankYou: 'Thank you.',
  yourAnswer: 'Your answer:',
  question: 'Will you attend?',
  statuses: {
    none: 'Not answered yet',
    accepted: 'Accepted',
    tentative: 'Tentative',
    declined: 'Declined',
  } satisfies Record<AttendeeStatus, string>,
  buttons: { accepted: 'Accept', tentative: 'Tentative', declined: 'Decline' } satisfies Record<
    AnswerStatus,
    string
  >,
  notFoundTitle: 'Link not valid',
  notFoundHeading: 'This link does not answer any more',
  notFoundText:
    'The event may have ended or been cancelled, or a newer invitation replaced this one: use the link in the latest invitation.',
  refusedTitle: 'Refused',
  refusedHeading: 'This answer came from another site',
  chooseTitle: 'Choose an answer',
  chooseHeading: 'Choose Accept, Tentative or Decline',
};

export type AnswerPageMessages = typeof en;

const de: AnswerPageMessages = {
  when: 'Wann',
  repeats: '(wiederholt sich)',
  organizer: 'Organisator',
  guest: 'Gast',
  thankYou: 'Vielen Dank.',
  yourAnswer: 'Ihre Antwort:',
  question: 'Nehmen Sie teil?',
  statuses: {
    none: 'Noch nicht beantwortet',
    accepted: 'Zugesagt',
    tentative: 'Vorläufig zugesagt',
    declined: 'Abgesagt',
  },
  buttons: { accepted: 'Zusagen', tentative: 'Vorläufig', declined: 'Absagen' },
  notFoundTitle: 'Link ungültig',
  notFoundHeading: 'Dieser Link gilt nicht mehr',
  notFoundText:
    'Der Termin ist vielleicht vorbei oder abgesagt, oder eine neuere Einladung hat diese ersetzt: Verwenden Sie den Link der neuesten Einladung.',
  refusedTitle: 'Abgelehnt',
  refusedHeading: 'Diese Antwort kam von einer anderen Website',
  chooseTitle: 'Antwort wählen',
  chooseHeading: 'Wählen Sie Zusagen, Vorläufig oder Absagen',
};

const fr: AnswerPageMessages = {
  when: 'Quand',
  repeats: '(périodique)',
  organizer: 'Organisateur',
  guest: 'Invité',
  thankYou: 'Merci.',
  yourAnswer: 'Votre réponse :',
  question: 'Participerez-vous ?',
  statuses: {
    none: 'Pas encore de réponse',
    accepted: 'Accepté',
    tentative: 'Provisoire',
    declined: 'Refusé',
  },
  buttons: { accepted: 'Accepter', tentative: 'Provisoire', declined: 'Refuser' },
  notFoundTitle: 'Lien non valide',
  notFoundHeading: 'Ce lien ne répond plus',
  notFoundText:
    'L’événement est peut-être terminé ou annulé, ou une invitation plus récente a remplacé celle-ci : utilisez le lien de la dernière invitation.',
  refusedTitle: 'Refusé',
  refusedHeading: 'Cette réponse vient d’un autre site',
  chooseTitle: 'Choisissez une réponse',
  chooseHeading: 'Choisissez Accepter, Provisoire ou Refuser',
};

const ar: AnswerPageMessages = {
  when: 'الموعد',
  repeats: '(متكرر)',
  organizer: 'المنظِّم',
  guest: 'الضيف',
  thankYou: 'شكرًا لك.',
  yourAnswer: 'ردّك:',
  question: 'هل ستحضر؟',
  statuses: {
    none: 'لم يُرَدّ بعد',
    accepted: 'مقبول',
    tentative: 'مبدئي',
    declined: 'مرفوض',
  },
  buttons: { accepted: 'قبول', tentative: 'مبدئي', declined: 'رفض' },
  notFoundTitle: 'الرابط غير صالح',
  notFoundHeading: 'لم يعد هذا الرابط صالحًا',
  notFoundText: 'ربما انتهى الحدث أو أُلغي، أو حلّت محلّ هذه الدعوة دعوةٌ أحدث: استخدم الرابط في أحدث دعوة.',
  refusedTitle: 'مرفوض',
  refusedHeading: 'جاء هذا الرد من موقع آخر',
  chooseTitle: 'اختر ردًّا',
  chooseHeading: 'اختر قبول أو مبدئي أو رفض',
};

const catalogs: Record<string, AnswerPageMessages> = { en, de, fr, ar };

/** The page's words in `language` ("de", "de-CH" → de), English for a language without them. */
export function answerPageMessages(language: string): { language: string; messages: AnswerPageMessages } {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const messages = catalogs[base];
  return messages ? { language: base, messages } : { language: 'en', messages: en };
}
