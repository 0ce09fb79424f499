import { Group, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

/** Sets `document.title` to "<title> · Atrium" while the calling page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Atrium` : 'Atrium';
  }, [title]);
}

type PageProps = {
  /** The page's one `<h1>`, and its document title unless `documentTitle` says otherwise. */
  title: string;
  documentTitle?: string;
  /** Buttons in the upper-right corner of the page ("Edit", "More Actions" …). */
  actions?: ReactNode;
  children?: ReactNode;
};

/** The frame of every page: heading, title-bar actions, content. */
export function Page({ title, documentTitle, actions, children }: PageProps) {
  usePageTitle(documentTitle ?? title);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}
