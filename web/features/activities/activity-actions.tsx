import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconMail, IconPhone, IconPhoneCall, IconVideo } from '@tabler/icons-react';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAbilities } from '../../../common/abilities';
import type { MoreActionProvider } from '../../ui/more-actions';
import classes from './activity-actions.module.css';
import { openActivityDialog, useActivityDialog } from './dialog-store';
import { newMeetingUrl, useMeetingLinks } from './meeting-links';
import '../../i18n/lazy/activities';

const SendEmailDialog = lazy(() =>
  import('./send-email-dialog').then((m) => ({ default: m.SendEmailDialog })),
);
const LogCallDialog = lazy(() => import('./log-call-dialog').then((m) => ({ default: m.LogCallDialog })));

/**
 * A stored number (E.164, with an RFC 3966 `;ext=`) as a `tel:` URI, without loading the phone
 * library on the page (it loads lazily, users/phone-link.tsx).
 */
function telUri(phone: string): string {
  return `tel:${phone.replace(/[^+\d;=a-z]/gi, '')}`;
}

/** The user the page is about, as the activity dialogs need them. */
export type ActivityUser = { id: string; name: string; email: string; phone: string | null };

/**
 * The Send Email and Log Call dialogs of a user's page, loaded when first opened. Rendered once by
 * the page (through the More Actions provider below); every entry point opens them through
 * `openActivityDialog`.
 */
export function ActivityDialogs({ user }: { user: ActivityUser }) {
  const dialog = useActivityDialog();
  // Leaving the page closes what was open.
  useEffect(() => () => openActivityDialog(null), []);
  if (!dialog) return null;
  const close = () => openActivityDialog(null);
  return (
    <Suspense fallback={null}>
      {dialog.kind === 'email' ? (
        <SendEmailDialog
          opened
          onClose={close}
          target={{ id: user.id, name: user.name, email: user.email }}
          address={dialog.address}
          replyTo={dialog.replyTo}
        />
      ) : (
        <LogCallDialog
          opened
          onClose={close}
          target={{ id: user.id, name: user.name, phone: user.phone }}
          initial={{
            ...(dialog.phoneNumber ? { phoneNumber: dialog.phoneNumber } : {}),
            ...(dialog.notes ? { notes: dialog.notes } : {}),
          }}
          call={dialog.call}
        />
      )}
    </Suspense>
  );
}

/** **More Actions → Send Email** and **→ Log Call**, when the server allows them (`meta.abilities`). */
export const activityMoreActions: MoreActionProvider = (context) => useActivityMoreActions(context);

function useActivityMoreActions(context: Parameters<MoreActionProvider>[0]): ReturnType<MoreActionProvider> {
  const { t } = useTranslation('activities');
  return {
    actions: [
      ...(context.abilities.sendEmail
        ? [
            {
              key: 'send_email',
              label: t('actions.sendEmail'),
              onSelect: () => openActivityDialog({ kind: 'email' }),
            },
          ]
        : []),
      ...(context.abilities.logCall
        ? [
            {
              key: 'log_call',
              label: t('actions.logCall'),
              onSelect: () => openActivityDialog({ kind: 'call' }),
            },
          ]
        : []),
    ],
    dialogs: <ActivityDialogs user={context.user} />,
  };
}

/** Opens a new meeting room in a new tab and Log Call with its link in Additional comments. */
function useStartMeeting(canLogCall: boolean) {
  const links = useMeetingLinks();
  if (!links.enabled) return undefined;
  return (phoneNumber?: string) => {
    const url = newMeetingUrl(links);
    if (!url) return;
    window.open(url, '_blank', 'noopener,noreferrer');
    if (canLogCall) openActivityDialog({ kind: 'call', phoneNumber, notes: url });
  };
}

function HoverIcon({
  label,
  onClick,
  href,
  children,
}: {
  label: string;
  onClick?: () => void;
  href?: string;
  children: React.ReactNode;
}) {
  return (
    <Tooltip label={label} withArrow>
      {href ? (
        <ActionIcon component="a" href={href} variant="subtle" color="gray.8" aria-label={label}>
          {children}
        </ActionIcon>
      ) : (
        <ActionIcon variant="subtle" color="gray.8" aria-label={label} onClick={onClick}>
          {children}
        </ActionIcon>
      )}
    </Tooltip>
  );
}

/**
 * The icons beside an address under **Emails**: **Send Email** (that address as From when it is
 * one of the viewer's verified addresses, else as To) and **Start meeting** when meeting links are
 * on. Shown on hover and keyboard focus of the row (always on touch screens).
 */
export function EmailAddressActions({
  email,
  abilities,
}: {
  email: string;
  /** `meta.abilities` of the user whose address it is. */
  abilities: Pick<UserAbilities, 'sendEmail' | 'logCall'>;
}) {
  const { t } = useTranslation('activities');
  const startMeeting = useStartMeeting(abilities.logCall);
  return (
    <Group gap={2} wrap="nowrap" className={classes.actions}>
      {abilities.sendEmail ? (
        <HoverIcon
          label={t('actions.sendEmailAddress', { address: email })}
          onClick={() => openActivityDialog({ kind: 'email', address: email })}
        >
          <IconMail size={16} aria-hidden="true" />
        </HoverIcon>
      ) : null}
      {startMeeting ? (
        <HoverIcon label={t('actions.startMeetingWith', { who: email })} onClick={() => startMeeting()}>
          <IconVideo size={16} aria-hidden="true" />
        </HoverIcon>
      ) : null}
    </Group>
  );
}

/** The icons beside the **Phone**: **Call** (`tel:`), **Log Call** and **Start meeting**. */
export function PhoneActions({
  phone,
  abilities,
}: {
  phone: string;
  /** `meta.abilities` of the user whose number it is. */
  abilities: Pick<UserAbilities, 'logCall'>;
}) {
  const { t } = useTranslation('activities');
  const startMeeting = useStartMeeting(abilities.logCall);
  return (
    <Group gap={2} wrap="nowrap" className={classes.actions}>
      <HoverIcon label={t('actions.callNumber', { phone })} href={telUri(phone)}>
        <IconPhoneCall size={16} aria-hidden="true" />
      </HoverIcon>
      {abilities.logCall ? (
        <HoverIcon
          label={t('actions.logCallNumber', { phone })}
          onClick={() => openActivityDialog({ kind: 'call', phoneNumber: phone })}
        >
          <IconPhone size={16} aria-hidden="true" />
        </HoverIcon>
      ) : null}
      {startMeeting ? (
        <HoverIcon label={t('actions.startMeetingWith', { who: phone })} onClick={() => startMeeting(phone)}>
          <IconVideo size={16} aria-hidden="true" />
        </HoverIcon>
      ) : null}
    </Group>
  );
}

/** The class a row gives its hover icons' parent, so hovering or focusing the row shows them. */
export const contactRowClass = classes.row;
