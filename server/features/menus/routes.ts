import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { menuItemCreateSchema, menuItemUpdateSchema } from '../../../common/menu-schemas';
import { menuNames } from '../../../common/menus';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, resourceDocument } from '../../platform/http/jsonapi';
import {
  collectionDocumentSchema,
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  resourceDocumentSchema,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { resourceBody } from '../../platform/http/schemas';
import { menuItemResource, menuResource, presentMenu, presentMenuItem } from './presenter';
import {
  createMenuItem,
  deleteMenuItem,
  getMenu,
  listMenus,
  resetMenu,
  resetMenuItem,
  updateMenuItem,
} from './service';

const scopeQuery = z.strictObject({
  scope: z.enum(['user', 'organization'], { error: 'The scope is user or organization.' }).optional(),
});

const menuParams = z.strictObject({ menu: z.string().min(1).max(64) });
const itemParams = z.strictObject({ menu: z.string().min(1).max(64), key: z.string().min(1).max(100) });

const updateBody = resourceBody('menu-items', menuItemUpdateSchema, { id: true });
const createBody = resourceBody('menu-items', menuItemCreateSchema);

const scopeNote =
  'Mine in the current organization (needs `manage_menus` to change), or with `scope=organization` the organization’s defaults (needs `organization.settings`).';

const scopeOf = (query: { scope?: 'user' | 'organization' | undefined }) => ({
  scope: query.scope ?? 'user',
});

/**
 * Menus as data (issue 15 items 6 and 8): the application menu, user menu, shortcuts and More
 * Actions, merged for the signed-in user, and the changes a user (or, with
 * `?scope=organization`, an administrator for the organization) makes to them.
 */
export async function menuRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  menuReadRoutes(app, deps);
  menuItemRoutes(app, deps);
  menuResetRoutes(app, deps);
}

const tags = ['menus'];

/** The merged menus, all or one. */
function menuReadRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/menus',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listMenus',
        summary: 'Every menu, merged for me: what I may use, with the organization’s and my changes',
        description: `Items my permissions do not allow are never listed. ${scopeNote}`,
        querystring: scopeQuery,
        response: {
          200: jsonApiResponse(
            'The menus',
            collectionDocumentSchema(menuResource, { paged: false, max: menuNames.length }),
          ),
        },
      },
    },
    async (request, reply) => {
      const menus = await listMenus(deps, actorOf(request), scopeOf(request.query));
      return listDocument(reply, { data: menus.map(presentMenu) });
    },
  );

  api.get(
    '/menus/:menu',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getMenu',
        summary: 'One menu, merged for me',
        description: `\`application_menu\`, \`usermenu\`, \`shortcuts\` or \`more_actions\`. ${scopeNote}`,
        params: menuParams,
        querystring: scopeQuery,
        response: { 200: jsonApiResponse('The menu', resourceDocumentSchema(menuResource)) },
      },
    },
    async (request) => {
      const menu = await getMenu(deps, actorOf(request), {
        ...scopeOf(request.query),
        menu: request.params.menu,
      });
      return resourceDocument(presentMenu(menu));
    },
  );
}

/** Add, change and remove items. */
function menuItemRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/menus/:menu/items',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'createMenuItem',
        summary: 'Add a custom link or divider',
        description: `A link has a \`label\` and a \`url\` (a path in Atrium or an https: address); a divider \`divider: true\`. At most three levels. The generated key is the resource id. ${scopeNote}`,
        params: menuParams,
        querystring: scopeQuery,
        body: createBody,
        response: {
          201: jsonApiResponse('The new item', resourceDocumentSchema(menuItemResource), {
            Location: locationHeader,
          }),
        },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request.query);
      const item = await createMenuItem(
        deps,
        actorOf(request),
        { ...scope, menu: request.params.menu, item: request.body.data.attributes },
        requestContextOf(request),
      );
      const resource = presentMenuItem(request.params.menu, scope.scope, item);
      reply.status(201).header('location', resource.links?.self as string);
      return resourceDocument(resource);
    },
  );

  api.patch(
    '/menus/:menu/items/:key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateMenuItem',
        summary: 'Move, hide or show, or rename an item',
        description: `\`parent\` (null = top level) and \`position\` (0-based among the new siblings) move it; \`hidden\` hides or shows it; \`label\` renames it (null = the default label). ${scopeNote}`,
        params: itemParams,
        querystring: scopeQuery,
        body: updateBody,
        response: { 200: jsonApiResponse('The item', resourceDocumentSchema(menuItemResource)) },
      },
    },
    async (request) => {
      const scope = scopeOf(request.query);
      const item = await updateMenuItem(
        deps,
        actorOf(request),
        {
          ...scope,
          menu: request.params.menu,
          key: request.params.key,
          changes: request.body.data.attributes,
        },
        requestContextOf(request),
      );
      return resourceDocument(presentMenuItem(request.params.menu, scope.scope, item));
    },
  );

  api.delete(
    '/menus/:menu/items/:key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'deleteMenuItem',
        summary: 'Delete a custom item (a default item answers 422: hide it instead)',
        description: `Its children move up into its place. ${scopeNote}`,
        params: itemParams,
        querystring: scopeQuery,
        response: { 204: emptyResponse('Deleted') },
      },
    },
    async (request, reply) => {
      await deleteMenuItem(
        deps,
        actorOf(request),
        { ...scopeOf(request.query), menu: request.params.menu, key: request.params.key },
        requestContextOf(request),
      );
      return reply.status(204).send();
    },
  );
}

/** Reset: drop one item's changes, or a whole menu's. */
function menuResetRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.delete(
    '/menus/:menu/updates/:key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'resetMenuItem',
        summary: 'Reset one item: remove this level’s changes to it',
        description: `A custom item has no default (422: delete it instead). ${scopeNote}`,
        params: itemParams,
        querystring: scopeQuery,
        response: { 200: jsonApiResponse('The item as it is now', resourceDocumentSchema(menuItemResource)) },
      },
    },
    async (request) => {
      const scope = scopeOf(request.query);
      const item = await resetMenuItem(
        deps,
        actorOf(request),
        { ...scope, menu: request.params.menu, key: request.params.key },
        requestContextOf(request),
      );
      return resourceDocument(presentMenuItem(request.params.menu, scope.scope, item));
    },
  );

  api.delete(
    '/menus/:menu/updates',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'resetMenu',
        summary: 'Reset the menu: remove every change and custom item of this level',
        description: scopeNote,
        params: menuParams,
        querystring: scopeQuery,
        response: { 200: jsonApiResponse('The menu as it is now', resourceDocumentSchema(menuResource)) },
      },
    },
    async (request) => {
      const menu = await resetMenu(
        deps,
        actorOf(request),
        { ...scopeOf(request.query), menu: request.params.menu },
        requestContextOf(request),
      );
      return resourceDocument(presentMenu(menu));
    },
  );
}
