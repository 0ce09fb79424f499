import { type CSSVariablesResolver, createTheme, type MantineColor } from '@mantine/core';
import { i18n } from '../i18n';
import { dialogScrollLock, modalLayerStyles } from '../ui/dialog';

/**
 * Atrium's Mantine theme. Every colour pairing below was checked against WCAG 2.1 AA (4.5:1 for
 * text): Mantine's defaults put white on blue.6 (3.6:1) and dimmed text in gray.6 (3.3:1), both of
 * which axe rejects, so the primary shade is 8 (white on indigo.8 is 5.7:1, indigo.8 on gray.0 is
 * 5.4:1) and the text variables are darkened in `cssVariablesResolver`.
 *
 * When you pick a `color` prop: indigo, blue, violet, grape, pink, red and gray are safe in every
 * variant; cyan, teal, green, lime, yellow and orange are NOT safe as text or as a filled
 * background with white text — use them only for decoration (borders, icons next to a label).
 */
/**
 * Mantine's small × buttons (CloseButton, class `m_220c80f2`) carry an icon and no name: axe
 * reports `button-name` wherever one renders — a dialog, a drawer, a notification, an alert, a
 * pill, a clearable field. Every one gets its name here, from the catalog, so no page can forget;
 * a component that passes its own props still wins.
 */
const closeLabel = () => ({ 'aria-label': i18n.t('common:actions.close') });
const clearLabel = () => ({ 'aria-label': i18n.t('common:actions.clear') });
/**
 * A long picker list (Locale, Timezone) scrolls in its listbox itself, not in a ScrollArea inside
 * it: Mantine's ScrollArea is a scrolling region no key reaches (axe scrollable-region-focusable,
 * seen with the Locale picker open), while a scrolling listbox is the combobox's popup, moved
 * through with the arrow keys from the field (aria-activedescendant), which axe and screen
 * readers know.
 */
const pickerDefaults = () => ({
  defaultProps: { clearButtonProps: clearLabel(), withScrollArea: false },
  styles: { options: { maxHeight: 220, overflowY: 'auto' as const } },
});

/**
 * The theme for the interface language in force: its built-in labels (the × buttons' names) are
 * read from the catalog when it is built, so the app builds it again when the language changes.
 */
export const createAppTheme = () =>
  createTheme({
    // People who ask their system for less motion get no transitions (dialogs appear at once).
    respectReducedMotion: true,
    primaryColor: 'indigo',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    cursorType: 'pointer',
    headings: { fontWeight: '650' },
    components: {
      // The focus placeholder is a focusable role="presentation" div inside role="menu", which axe
      // reports (aria-required-children); without it the menu focuses its first item on open.
      Menu: { defaultProps: { shadow: 'md', radius: 'md', withInitialFocusPlaceholder: false } },
      Modal: {
        defaultProps: { closeButtonProps: closeLabel(), ...dialogScrollLock },
        styles: modalLayerStyles,
      },
      Drawer: { defaultProps: { closeButtonProps: closeLabel(), ...dialogScrollLock } },
      Alert: { defaultProps: { closeButtonLabel: i18n.t('common:actions.close') } },
      Pill: { defaultProps: { removeButtonProps: { 'aria-label': i18n.t('common:actions.remove') } } },
      Select: pickerDefaults(),
      MultiSelect: pickerDefaults(),
      TagsInput: pickerDefaults(),
      Autocomplete: pickerDefaults(),
      FileInput: { defaultProps: { clearButtonProps: clearLabel() } },
      // A notification's text under its title is gray.6 (3.3:1 on white, axe refuses it): gray.7 is 8.2:1.
      Notification: {
        defaultProps: { closeButtonProps: { 'aria-label': i18n.t('common:actions.closeNotification') } },
        styles: { description: { color: 'var(--mantine-color-gray-7)' } },
      },
      Paper: { defaultProps: { radius: 'md' } },
      // Menus, pickers, dialogs and notifications open inside <main> (both layouts have it), not
      // loose in <body>: their content is then inside a landmark (axe \`region\`), and a dialog's
      // <header> is not read as a second page banner (axe \`landmark-no-duplicate-banner\`).
      Portal: { defaultProps: { target: '#main-content' } },
      // A table wider than a phone scrolls sideways: the scroller takes keyboard focus so it can be
      // scrolled without a mouse (axe scrollable-region-focusable, seen at 390 px).
      TableScrollContainer: { defaultProps: { type: 'native', tabIndex: 0 } },
      Tooltip: { defaultProps: { withArrow: true } },
    },
  });

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // gray.7 on white is 8.2:1, on gray.0 7.8:1.
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders are text too: #6c757d on white is 4.7:1.
    '--mantine-color-placeholder': '#6c757d',
    // red.9 on white is 5.5:1 (Mantine's red.6 is 3.3:1).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // A light-variant item under the pointer (an active NavLink of the Configuration tree, say):
    // indigo.9 text on Mantine's indigo.2 is 4.1:1; on this shade between indigo.1 and .2, 4.8:1.
    '--mantine-color-indigo-light-hover': '#cdd7ff',
    // teal.9 on white is 5.0:1 (Mantine's teal.8 is 4.0:1).
    '--mantine-color-success': 'var(--mantine-color-teal-9)',
  },
  dark: {},
});

/**
 * Background colours for initials avatars: white text on each of these is at least 5:1.
 * Indexed by a hash of the name, so a person keeps their colour everywhere.
 */
export const avatarColors: MantineColor[] = [
  'indigo.8',
  'blue.9',
  'violet.8',
  'grape.8',
  'pink.8',
  'red.9',
  'cyan.9',
  'teal.9',
  'blue.8',
];
