import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { limitedText, passwordText } from '../../../common/profile';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../../platform/http/authentication';
import { AppError } from '../../platform/http/errors';
import { listDocument, listQuerySchema, parseListQuery, resourceDocument } from '../../platform/http/jsonapi';
import {
  collectionDocumentSchema,
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  resourceDocumentSchema,
  totalCountHeader,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { bodyId, resourceBody, toOne } from '../../platform/http/schemas';
import { presentSession, sessionResource } from './presenter';
import { endMySession, getMySession, listMySessions, signIn, signOut, switchOrganization } from './service';
import { sessionListSpec } from './store';

const signInBody = resourceBody(
  'sessions',
  z.strictObject({
    login: limitedText('The username or email', 255).min(1, 'Enter your username or email.'),
    password: passwordText('Enter your password.'),
  }),
);

const switchBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('sessions'),
    id: bodyId.optional(),
    relationships: z.strictObject({ organization: toOne('organizations') }),
  }),
});

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const sessionDocument = resourceDocumentSchema(sessionResource);

/** Sign-in, sign-out and "my signed-in devices": /api/sessions. */
export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  signInRoute(app, deps);
  currentSessionRoutes(app, deps);
  deviceRoutes(app, deps);
}

const tags = ['sessions'];

/** Sign in. */
function signInRoute(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'signIn',
        summary: 'Sign in (browser session)',
        description:
          '`login` is a username or an email. Answers the new session with its `csrfToken` and sets the session cookie (HttpOnly, SameSite=Lax). Repeated failures lock the account for a while; sign-ins are also limited per address.',
        body: signInBody,
        response: {
          201: jsonApiResponse('Signed in: the new session', sessionDocument, { Location: locationHeader }),
        },
      },
    },
    async (request, reply) => {
      const { login, password } = request.body.data.attributes;
      const presentedToken = request.cookies[sessionCookieName(deps.config)];
      const result = await signIn(deps, { login, password, presentedToken }, requestContextOf(request));
      setSessionCookie(reply, deps.config, result.token);
      reply.status(201).header('location', `/api/sessions/${result.session.id}`);
      return resourceDocument(
        presentSession(result.session, { currentSessionId: result.session.id, csrfToken: result.csrfToken }),
      );
    },
  );
}

/** The current session: read it, switch its organization, sign out. */
function currentSessionRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/sessions/current',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'getCurrentSession',
        summary: 'The current session, with its CSRF token',
        description: 'The session of the cookie sent. Requests made with an API key have none (404).',
        response: { 200: jsonApiResponse('The current session', sessionDocument) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.via.kind !== 'session') {
        throw new AppError('not_found', 'no_session', 'Requests made with an API key have no session.');
      }
      const session = await getMySession(deps, actor, actor.via.sessionId);
      return resourceDocument(
        presentSession(session, { currentSessionId: session.id, csrfToken: actor.via.csrfToken }),
      );
    },
  );

  api.patch(
    '/sessions/current',
    {
      config: {
        access: 'authenticated',
        resourceId: (request) =>
          request.actor?.via.kind === 'session' ? request.actor.via.sessionId : undefined,
      },
      schema: {
        tags,
        operationId: 'switchOrganization',
        summary: 'Switch the current organization',
        description:
          'Sets the organization the session (or API key request) works in: one of mine, named by the `organization` relationship.',
        body: switchBody,
        response: { 200: jsonApiResponse('The session, now in that organization', sessionDocument) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const organizationId = request.body.data.relationships.organization.data.id;
      const session = await switchOrganization(deps, actor, organizationId, requestContextOf(request));
      const csrfToken = actor.via.kind === 'session' ? actor.via.csrfToken : undefined;
      return resourceDocument(
        presentSession(session, { currentSessionId: session.id, ...(csrfToken ? { csrfToken } : {}) }),
      );
    },
  );

  api.delete(
    '/sessions/current',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'signOut',
        summary: 'Sign out',
        description: 'Ends the current session, clears its cookie and asks the browser to clear its data.',
        response: { 204: emptyResponse('Signed out') },
      },
    },
    async (request, reply) => {
      await signOut(deps, actorOf(request), requestContextOf(request));
      clearSessionCookie(reply, deps.config);
      reply.header('clear-site-data', '"cache", "cookies", "storage"');
      return reply.status(204).send();
    },
  );
}

/** My signed-in devices: list them, end one. */
function deviceRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/sessions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listMySessions',
        summary: 'My signed-in devices',
        description:
          'Sort: -lastSeenAt (default), createdAt, expiresAt. `fields[sessions]`, `page[number|size]`, `X-Include: totalCount`.',
        querystring: listQuerySchema(sessionListSpec),
        response: {
          200: jsonApiResponse('A page of my sessions', collectionDocumentSchema(sessionResource), {
            'X-Include-Total-Count': totalCountHeader,
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const query = (request.query ?? {}) as Record<string, unknown>;
      const listQuery = parseListQuery(query, sessionListSpec, { headers: request.headers });
      const page = await listMySessions(deps, actor, listQuery);
      const currentSessionId = actor.via.kind === 'session' ? actor.via.sessionId : undefined;
      return listDocument(reply, {
        data: page.rows.map((s) => presentSession(s, { currentSessionId })),
        fields: listQuery.fields,
        paging: { path: '/api/sessions', query, page: listQuery.page, state: page },
      });
    },
  );

  api.delete(
    '/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'endMySession',
        summary: 'End one of my sessions',
        description: 'Signs one of my devices out at once.',
        params: idParams,
        response: { 204: emptyResponse('The session ended') },
      },
    },
    async (request, reply) => {
      await endMySession(deps, actorOf(request), request.params.id, requestContextOf(request));
      return reply.status(204).send();
    },
  );
}
