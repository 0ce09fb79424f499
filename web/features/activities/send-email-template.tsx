import { Loader, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { renderEmailTemplate, useEmailTemplates } from './api';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * **Template**: the organization's email templates; choosing one renders it for the first
 * recipient (`recipient()`, read when chosen) and hands its subject, its body as HTML and the
 * placeholders it could not fill to `onInsert`.
 */
export function TemplateField(props: {
  enabled: boolean;
  recipient: () => string;
  onInsert: (rendered: { subject: string; body: string; unfilled: string[] }) => void;
}) {
  const { enabled, recipient, onInsert } = props;
  const { t } = useTranslation('activities');
  const templates = useEmailTemplates(enabled);
  const [template, setTemplate] = useState<string | null>(null);
  const [templateLoading, setTemplateLoading] = useState(false);
  const [templateFailure, setTemplateFailure] = useState<string | undefined>();
  const insertTemplate = (id: string | null) => {
    setTemplate(id);
    setTemplateFailure(undefined);
    if (!id) return;
    setTemplateLoading(true);
    renderEmailTemplate(id, recipient())
      .then((rendered) => {
        onInsert({
          subject: rendered.subject,
          body:
            rendered.body.type === 'html'
              ? rendered.body.content
              : `<p>${escapeHtml(rendered.body.content).replace(/\r?\n/g, '<br>')}</p>`,
          unfilled: rendered.unfilled,
        });
      })
      .catch((error: unknown) =>
        setTemplateFailure(error instanceof ApiError ? error.message : String(error)),
      )
      .finally(() => setTemplateLoading(false));
  };

  return (
    <Select
      label={t('email.template')}
      placeholder={templates.data?.length === 0 ? t('email.noTemplates') : t('email.templatePlaceholder')}
      data={(templates.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
      value={template}
      onChange={insertTemplate}
      clearable
      searchable
      disabled={templates.isPending || templates.data?.length === 0}
      error={templateFailure}
      rightSection={
        templateLoading ? <Loader size="xs" aria-label={t('email.insertingTemplate')} /> : undefined
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}
