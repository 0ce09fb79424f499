import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  describePolicyRule,
  loadPasswordBlocklist,
  PASSWORD_MAX_LENGTH,
  policyRules,
} from '../../../common/password-policy';
import { limitedText, passwordText } from '../../../common/profile';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/authentication';
import { resourceDocument } from '../../platform/http/jsonapi';
import { emptyResponse, jsonApiResponse, resourceDocumentSchema } from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { bodyId, resourceBody, userIdParams } from '../../platform/http/schemas';
import { presentSession, sessionResource } from '../auth/presenter';
import { passwordPolicyResource, passwordResetRequestDocument, passwordResetsDocument } from './presenter';
import { completePasswordReset, requestPasswordReset } from './recovery';
import { passwordPolicyFor } from './rules';
import { changeOwnPassword, resetPasswordsByAdministrator, setPasswordByAdministrator } from './service';

/** A password field: required, and over-long input refused before anything reads it (`passwordText`). */

const changeBody = resourceBody(
  'password-changes',
  z.strictObject({
    currentPassword: passwordText('Enter your current password.'),
    newPassword: passwordText('Enter a new password.'),
  }),
);

const setBody = resourceBody(
  'password-sets',
  z.strictObject({
    newPassword: passwordText('Enter a new password.'),
    mustChange: z.boolean().optional(),
  }),
);

// "A body with no attributes may be omitted" (DESIGN.md §3): Fastify hands an omitted body over as null.
const adminResetBody = resourceBody('password-resets', z.strictObject({}).optional()).nullish();

const bulkResetBody = z.strictObject({
  data: z
    .array(z.strictObject({ type: z.literal('users'), id: bodyId }))
    .min(1, 'Name at least one user.')
    .max(100, 'Reset at most 100 users at once.'),
});

const resetRequestBody = resourceBody(
  'password-reset-requests',
  z.strictObject({
    login: limitedText('The username or email', 255).min(1, 'Enter your username or email.'),
  }),
);

const resetBody = resourceBody(
  'password-resets',
  z.strictObject({
    token: limitedText('The token', 200).min(1, 'The link has no token.'),
    newPassword: passwordText('Enter a new password.'),
  }),
);

const NEUTRAL_REQUEST_ANSWER =
  'If an account matches what you entered, we have sent an email with a link to choose a new password. The link is valid for 1 hour.';

/**
 * Passwords: the policy, a user's own change, an administrator's Change Password and Reset
 * Password (one or many), and the self-service "Forgot your password?" with its reset.
 */
export async function passwordRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Decompress the common-password list at start, not in the first user's request.
  void loadPasswordBlocklist();
  policyRoute(app, deps);
  passwordChangeRoutes(app, deps);
  administratorResetRoutes(app, deps);
  selfServiceResetRoutes(app, deps);
}

const tags = ['passwords'];

/** The password rules in force. */
function policyRoute(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/password-policy',
    {
      config: { access: 'public', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'getPasswordPolicy',
        summary:
          "The password rules in force (the signed-in user's organization; the system's when anonymous)",
        description:
          'What a new password must be, as values and as `rules`: each a stable `rule` code with its numbers (`min`, `max` of `length`), ' +
          'for a client to word in its own language, and `detail`, the rule in English.',
        response: {
          200: jsonApiResponse('The policy', resourceDocumentSchema(passwordPolicyResource)),
        },
      },
    },
    async (request) => {
      const policy = await passwordPolicyFor(deps.db, request.actor?.organizationId);
      return resourceDocument({
        type: 'password-policies',
        id: request.actor ? request.actor.organizationId : 'system',
        attributes: {
          ...policy,
          maxLength: PASSWORD_MAX_LENGTH,
          blocklist: true,
          contextWords: true,
          rules: policyRules(policy).map((rule) => ({ ...rule, detail: describePolicyRule(rule) })),
        },
      });
    },
  );
}

/** A user's own change, and an administrator's Change Password. */
function passwordChangeRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/users/:id/password-change',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'changePassword',
        summary: 'Change my password (needs the current one)',
        description:
          'Ends every other session of the user. With a session cookie the current session is rotated: the answer is ' +
          '200 with the new `sessions` resource (its `csrfToken` replaces the old one) and a new cookie. With an API key, ' +
          'every session ends and the answer is 204.',
        params: userIdParams,
        body: changeBody,
        response: {
          200: jsonApiResponse(
            'Changed (session cookie): the rotated session with its new csrfToken',
            resourceDocumentSchema(sessionResource),
          ),
          204: emptyResponse('Changed (API key): every session ended'),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { currentPassword, newPassword } = request.body.data.attributes;
      const result = await changeOwnPassword(
        deps,
        actor,
        { userId: request.params.id, currentPassword, newPassword },
        requestContextOf(request),
      );
      if (result.kind === 'sessions_ended') return reply.status(204).send();
      setSessionCookie(reply, deps.config, result.token);
      return resourceDocument(
        presentSession(result.session, { currentSessionId: result.session.id, csrfToken: result.csrfToken }),
      );
    },
  );

  api.post(
    '/users/:id/password-set',
    {
      config: { access: 'password_management' },
      schema: {
        tags,
        operationId: 'setPassword',
        summary: "Change Password (administrator): set a user's password",
        description:
          '`mustChange` (default true; false on oneself): the user must change it at next sign-in. Ends every session ' +
          'of the user, 204 — on oneself with a session cookie the current session is rotated instead: 200 with the ' +
          'new `sessions` resource (its `csrfToken` replaces the old one) and a new cookie.',
        params: userIdParams,
        body: setBody,
        response: {
          200: jsonApiResponse(
            'Set on oneself (session cookie): the rotated session with its new csrfToken',
            resourceDocumentSchema(sessionResource),
          ),
          204: emptyResponse('The password is set'),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { newPassword, mustChange } = request.body.data.attributes;
      const result = await setPasswordByAdministrator(
        deps,
        actor,
        { userId: request.params.id, newPassword, mustChange },
        requestContextOf(request),
      );
      if (result.kind === 'sessions_ended') return reply.status(204).send();
      // On oneself with a session: that session was rotated, as "Change Your Password" does.
      setSessionCookie(reply, deps.config, result.token);
      return resourceDocument(
        presentSession(result.session, { currentSessionId: result.session.id, csrfToken: result.csrfToken }),
      );
    },
  );
}

/** An administrator's Reset Password, of one user or many. */
function administratorResetRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/users/:id/password-reset',
    {
      config: { access: 'password_management' },
      schema: {
        tags,
        operationId: 'resetPassword',
        summary: 'Reset Password (administrator): sign the user out and email them a 24-hour link',
        description:
          'The user’s status becomes `reset`: their sessions end and their API keys stop working until they choose a new password. The body may be omitted.',
        params: userIdParams,
        body: adminResetBody,
        response: { 202: jsonApiResponse('The user was reset', passwordResetsDocument) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await resetPasswordsByAdministrator(
        deps,
        actor,
        [request.params.id],
        requestContextOf(request),
      );
      if (result.endedOwnSessions && actor.via.kind === 'session') clearSessionCookie(reply, deps.config);
      return reply.status(202).send(resetsDocument(result.userIds));
    },
  );

  api.post(
    '/password-resets/bulk',
    {
      config: { access: 'password_management' },
      schema: {
        tags,
        operationId: 'resetPasswords',
        summary: 'Reset Password of several users at once (all or nothing, at most 100)',
        description: 'As Reset Password, for every user named in `data`; if one cannot be reset, none is.',
        body: bulkResetBody,
        response: { 202: jsonApiResponse('The users were reset', passwordResetsDocument) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await resetPasswordsByAdministrator(
        deps,
        actor,
        request.body.data.map((item) => item.id),
        { ...requestContextOf(request), bulk: true },
      );
      if (result.endedOwnSessions && actor.via.kind === 'session') clearSessionCookie(reply, deps.config);
      return reply.status(202).send(resetsDocument(result.userIds));
    },
  );
}

/** The self-service "Forgot your password?" and the reset through its link. */
function selfServiceResetRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/password-reset-requests',
    {
      config: { access: 'public', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'requestPasswordReset',
        summary: 'Forgot your password? Always 202 with the same answer, whether or not the account exists',
        description:
          '`login` is a username or an email. At most one email a minute per account; the link is valid for 1 hour.',
        body: resetRequestBody,
        response: {
          202: jsonApiResponse('Accepted (whether or not the account exists)', passwordResetRequestDocument),
        },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.data.attributes.login, requestContextOf(request));
      return reply
        .status(202)
        .send({ jsonapi: { version: '1.1' }, meta: { message: NEUTRAL_REQUEST_ANSWER } });
    },
  );

  api.post(
    '/password-resets',
    {
      config: { access: 'public', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'completePasswordReset',
        summary: 'Choose a new password with the token of a reset link (204; then sign in)',
        description:
          'The token comes from the emailed link; it works once. The new password must meet the policy.',
        body: resetBody,
        response: { 204: emptyResponse('The password is set: sign in with it') },
      },
    },
    async (request, reply) => {
      const { token, newPassword } = request.body.data.attributes;
      await completePasswordReset(deps, { token, newPassword }, requestContextOf(request));
      return reply.status(204).send();
    },
  );
}

/** The 202 answer of an administrator's reset: which users were reset (no token, ever). */
function resetsDocument(userIds: string[]) {
  return {
    jsonapi: { version: '1.1' as const },
    data: userIds.map((id) => ({ type: 'users', id })),
    meta: {
      message: 'The users were signed out; each will receive an email with a link to choose a new password.',
    },
  };
}
