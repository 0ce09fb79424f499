/**
 * Where every dialog sits, applied once through the theme (web/app/theme.ts) to each Mantine
 * Modal and Drawer. The outside tester saw dialogs ~20 px right of the page's centre:
 *
 * - Mantine's modal layer (`inner`) is `position: fixed; width: 100%` with no `left`, so it starts
 *   at its static position — wherever the portal lands in <body>, which the scroll lock pads —
 *   and runs past the window's right edge: pinned to the left edge here, it spans the window.
 * - The scroll lock hides the page's scrollbar and adds its width back as `margin-right` on
 *   <body> (react-remove-scroll's compensation), so the page and the window no longer share a
 *   centre. Keeping the scrollbar and blocking only the scrolling (wheel, touch) keeps one centre.
 */
export const dialogScrollLock = { removeScrollProps: { removeScrollBar: false } } as const;

/** The modal layer spans the window from its left edge (see above). */
export const modalLayerStyles = { inner: { left: 0 } } as const;
