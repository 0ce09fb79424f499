import { DirectionProvider, useDirection } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../features/settings/api';
import { i18n, switchLanguage } from '../i18n';
import { interfaceLanguageOf, rememberLanguage, textDirection } from '../i18n/languages';

/** Keeps Mantine's direction (and with it `<html dir>`) on the interface language's. */
function DirectionFromLanguage() {
  const { i18n: instance } = useTranslation();
  const { dir, setDirection } = useDirection();
  const wanted = textDirection(instance.language);
  useEffect(() => {
    if (dir !== wanted) setDirection(wanted);
  }, [dir, wanted, setDirection]);
  return null;
}

/**
 * Mantine's DirectionProvider, right to left while the interface speaks Arabic: Mantine mirrors its
 * components (menus, inputs' sections, drawers) and the document gets `dir="rtl"`.
 */
export function LanguageDirectionProvider({ children }: { children: ReactNode }) {
  return (
    <DirectionProvider initialDirection={textDirection(i18n.language)} detectDirection={false}>
      <DirectionFromLanguage />
      {children}
    </DirectionProvider>
  );
}

/**
 * The signed-in user's Language (`localization.language`, system → organization → user) made the
 * interface language — the system's default (English) too, whatever the browser prefers — and
 * remembered on the device so the sign-in page speaks it after sign-out. Re-runs when the settings
 * change (My Configuration invalidates them), so a new choice applies without a reload.
 */
export function LanguageFromSettings() {
  const { data: settings } = useSettings('user');
  const setting = settings?.find((entry) => entry.key === 'localization.language');
  const chosen = setting ? interfaceLanguageOf(String(setting.value)) : undefined;
  useEffect(() => {
    if (!chosen) return;
    rememberLanguage(chosen);
    if (chosen !== i18n.language) void switchLanguage(chosen);
  }, [chosen]);
  return null;
}
