import { Anchor } from '@mantine/core';
import { useEffect, useState } from 'react';

type PhoneModule = typeof import('../../../common/phone');

// libphonenumber's metadata (~25 KB compressed) loads after the page, not with it.
let phoneModule: Promise<PhoneModule> | undefined;
const loadPhone = () => {
  phoneModule ??= import('../../../common/phone');
  return phoneModule;
};

/**
 * A stored phone number (E.164, RFC 3966 extension) as a `tel:` link in its country's national
 * format. Until the formatting library has loaded (a moment after the page) it shows the stored
 * number as is, so the page never waits for it.
 */
export function PhoneLink({ phone }: { phone: string }) {
  const [formatted, setFormatted] = useState<{ text: string; uri: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadPhone()
      .then((module) => {
        if (live) setFormatted({ text: module.formatPhoneNational(phone), uri: module.phoneUri(phone) });
      })
      .catch(() => {
        // The stored number stays shown as is.
      });
    return () => {
      live = false;
    };
  }, [phone]);
  return (
    // A phone number reads left to right in every language ("+49 30…" would lose its + to the far
    // end in Arabic text); dir="auto" would not do, digits have no direction of their own.
    <Anchor href={formatted?.uri ?? `tel:${phone.replace(/[^+\d]/g, '')}`} title={phone} dir="ltr">
      {formatted?.text ?? phone}
    </Anchor>
  );
}
