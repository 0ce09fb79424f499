import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from './feedback';
import { routeServerErrors } from './server-errors';

type FormFooterProps = {
  onCancel: () => void;
  /** The submit button's label; **Save** by default. */
  submitLabel?: string;
  /** Shows the submit button's spinner (and keeps it from being pressed twice). */
  submitting?: boolean;
  /** Disables the submit button, e.g. while what the form needs is loading. */
  submitDisabled?: boolean;
  /** Disables Cancel, e.g. on a page form with nothing to undo. */
  cancelDisabled?: boolean;
  /** More buttons, left of **Cancel** (e.g. **Save and Close** on a page). */
  children?: ReactNode;
};

/** The standard foot of a form: **Cancel** and a submit button (**Save**), right-aligned. */
export function FormFooter({
  onCancel,
  submitLabel,
  submitting,
  submitDisabled,
  cancelDisabled,
  children,
}: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {children}
      <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={submitting} disabled={submitDisabled}>
        {submitLabel ?? t('actions.save')}
      </Button>
    </Group>
  );
}

export type FormDialogProps<Values, Submitted, Result> = {
  opened: boolean;
  /** Called when the dialog closes: Cancel, Escape, the close button, or after `onSuccess`. */
  onClose: () => void;
  /** The dialog's title and accessible name, as the user guide names it ("Create User"). */
  title: string;
  /** The `useForm` of the dialog's fields; reset to its initial values whenever the dialog closes. */
  form: UseFormReturnType<Values, Submitted>;
  /** Sends the (valid, transformed) values; a rejection is routed to the fields or the alert. */
  onSubmit: (values: Submitted) => Promise<Result>;
  /** After a successful submit, before the dialog closes (notify, navigate …). */
  onSuccess?: (result: Result, values: Submitted) => void;
  /** The form-level alert's title, saying what did not happen ("The user was not created"). */
  failureTitle: string;
  /** Extra JSON pointers to fields, e.g. `{ '/data/relationships/roles': 'roleIds' }`. */
  pointers?: Readonly<Record<string, string>>;
  submitLabel?: string;
  submitDisabled?: boolean;
  /** More buttons in the footer, left of **Cancel** (e.g. **Send later**). */
  footerActions?: ReactNode;
  size?: ModalProps['size'];
  children: ReactNode;
};

/**
 * A dialog holding one form: Mantine `Modal` + `<form noValidate>` + the fields + `FormFooter`.
 * Submitting validates with the form's `validate` (client rules), then awaits `onSubmit`; on
 * success calls `onSuccess` and closes; on failure routes each API error whose `source.pointer`
 * names a field of the form to that field (`/data/attributes/firstName` → `firstName`) and shows
 * the others in a red alert above the fields (web/ui/server-errors.ts). Give the first field
 * `data-autofocus`.
 */
export function FormDialog<Values extends Record<string, unknown>, Submitted, Result>({
  opened,
  onClose,
  title,
  form,
  onSubmit,
  onSuccess,
  failureTitle,
  pointers,
  submitLabel,
  submitDisabled,
  footerActions,
  size = 'lg',
  children,
}: FormDialogProps<Values, Submitted, Result>) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    let result: Result;
    try {
      result = await onSubmit(values);
    } catch (error) {
      const routed = routeServerErrors(error, Object.keys(form.getValues()), pointers);
      form.setErrors(routed.fields);
      setFormError(routed.form);
      return;
    }
    onSuccess?.(result, values);
    close();
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened={opened}
      onClose={close}
      title={title}
      size={size}
      centered
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <FailureAlert title={failureTitle} message={formError} />
          {children}
          <FormFooter
            onCancel={close}
            submitLabel={submitLabel}
            submitting={form.submitting}
            submitDisabled={submitDisabled}
          >
            {footerActions}
          </FormFooter>
        </Stack>
      </form>
    </Modal>
  );
}
