import { z } from 'zod';
import type { MenuItemView } from '../../../common/menus';
import {
  MAX_MENU_LABEL_LENGTH,
  MAX_MENU_LEVEL,
  MAX_MENU_URL_LENGTH,
  menuActions,
  menuNames,
} from '../../../common/menus';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, integer, resourceSchema, text } from '../../platform/http/openapi';
import type { MenuView } from './service';

/** At most this many items in one menu (definition plus custom items of both levels). */
const MAX_ITEMS = 500;

const itemKey = text(100).describe('The stable key of the item (`custom_…` for an added one)');

const itemFields = {
  parent: itemKey.nullable().describe('The key of the parent item; null on the top level'),
  position: integer(0, MAX_ITEMS).describe('0-based place among its siblings'),
  level: integer(1, MAX_MENU_LEVEL).describe('1 = top level'),
  label: text(MAX_MENU_LABEL_LENGTH),
  defaultLabel: text(MAX_MENU_LABEL_LENGTH)
    .nullable()
    .describe('The label as defined; null for a custom item'),
  url: text(MAX_MENU_URL_LENGTH).nullable().describe('A path in Atrium or an https: address'),
  action: z.enum(menuActions).nullable().describe('What the item does (More Actions): the SPA opens it'),
  divider: z.boolean(),
  hidden: z.boolean(),
  custom: z.boolean().describe('Added by the organization or the user'),
  deletable: z.boolean().describe('A custom item of the level viewed: it may be deleted there'),
  changed: z.boolean().describe('The level viewed has changed it: Reset applies'),
};

function itemPath(menu: string, key: string, scope: string): string {
  return `/api/menus/${menu}/items/${key}${scope === 'organization' ? '?scope=organization' : ''}`;
}

/** A `menu-items` resource: one item of a merged menu; its id is its key. */
export function presentMenuItem(menu: string, scope: string, item: MenuItemView): ResourceObject {
  const { key, ...attributes } = item;
  return {
    type: 'menu-items',
    id: key,
    attributes: { menu, ...attributes },
    links: { self: itemPath(menu, key, scope) },
  };
}

/** A `menus` resource: a merged menu, its items depth first in `items`. */
export function presentMenu(menu: MenuView): ResourceObject {
  return {
    type: 'menus',
    id: menu.name,
    attributes: { label: menu.label, scope: menu.scope, items: menu.items },
    links: { self: `/api/menus/${menu.name}${menu.scope === 'organization' ? '?scope=organization' : ''}` },
  };
}

export const menuItemResource = resourceSchema('menu-items', {
  id: itemKey,
  attributes: { menu: z.enum(menuNames), ...itemFields },
  links: { self: apiPath },
}).meta({ id: 'MenuItem' });

export const menuResource = resourceSchema('menus', {
  id: z.enum(menuNames),
  attributes: {
    label: text(100),
    scope: z
      .enum(['user', 'organization'])
      .describe('Mine (over the organization’s), or the organization’s defaults'),
    items: z
      .array(z.strictObject({ key: itemKey, ...itemFields }))
      .max(MAX_ITEMS)
      .describe('Depth first: each item follows its parent, siblings in order'),
  },
  links: { self: apiPath },
}).meta({ id: 'Menu' });
