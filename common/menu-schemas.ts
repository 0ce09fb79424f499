import { z } from 'zod';
import { isAllowedMenuUrl, MAX_MENU_LABEL_LENGTH, MAX_MENU_URL_LENGTH } from './menus';
import { addFault, limitedText } from './profile';

/*
 * The request schemas of the menus API, shared with the Menus page's forms. Apart from
 * common/menus.ts so the shell (which renders menus on every page) does not load zod.
 */

const label = limitedText('The label', MAX_MENU_LABEL_LENGTH).superRefine((value, ctx) => {
  if (value.trim().length === 0)
    addFault(ctx, { message: 'The label needs a visible character.', params: { reason: 'required' } });
});

/** A path in Atrium or an https:// address, else `menu_url_not_allowed` with the forms allowed. */
const url = limitedText('The URL', MAX_MENU_URL_LENGTH).superRefine((value, ctx) => {
  if (value.length > MAX_MENU_URL_LENGTH || isAllowedMenuUrl(value)) return;
  ctx.addIssue({
    code: 'custom',
    message: 'Use a path in Atrium (starting with /) or an https:// address.',
    params: { code: 'menu_url_not_allowed', allowed: ['/', 'https://'] },
  });
});

const itemKey = limitedText('The parent', 100).min(1);

/** The attributes of `PATCH /api/menus/{menu}/items/{key}`: what changes; a `null` label restores the default. */
export const menuItemUpdateSchema = z.strictObject({
  parent: itemKey.nullable().optional(),
  position: z.number().int().min(0).max(1000).meta({ format: 'int32' }).optional(),
  hidden: z.boolean().optional(),
  label: label.nullable().optional(),
});
export type MenuItemUpdate = z.infer<typeof menuItemUpdateSchema>;

/** The attributes of `POST /api/menus/{menu}/items`: a custom link (label + url) or a divider. */
export const menuItemCreateSchema = z.strictObject({
  label: label.optional(),
  url: url.optional(),
  divider: z.boolean().optional(),
  parent: itemKey.nullable().optional(),
  position: z.number().int().min(0).max(1000).meta({ format: 'int32' }).optional(),
});
export type MenuItemCreate = z.infer<typeof menuItemCreateSchema>;
