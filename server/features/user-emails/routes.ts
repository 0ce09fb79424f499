import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { limitedText } from '../../../common/profile';
import type { Deps } from '../../platform/deps';
import { emptyResponse } from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { resourceBody } from '../../platform/http/schemas';
import { verifyEmail } from './service';

const verificationBody = resourceBody(
  'email-verifications',
  z.strictObject({ token: limitedText('The token', 256).min(1, 'The verification token is missing.') }),
);

/**
 * Email verification: the link in the `email-verification` email opens `/verify-email#token=…`
 * in the SPA, which posts the token here (it never travels in a URL the server logs).
 */
export async function userEmailRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/email-verifications',
    {
      config: { access: 'public', allowDuringPasswordChange: true },
      schema: {
        tags: ['users'],
        operationId: 'verifyEmail',
        summary: 'Verify an additional email address',
        description: 'Posts the token of the 24-hour link mailed to a new additional address.',
        body: verificationBody,
        response: { 204: emptyResponse('The address is verified') },
      },
    },
    async (request, reply) => {
      await verifyEmail(deps, request.body.data.attributes.token, requestContextOf(request));
      return reply.status(204).send();
    },
  );
}
