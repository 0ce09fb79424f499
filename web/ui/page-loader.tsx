import { Center, Loader, VisuallyHidden } from '@mantine/core';

/** A centred spinner for content that is on its way, announced to screen readers. */
export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center role="status" py="xl" mih={160}>
      <Loader aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
