import type { RequestGate } from '../../platform/http/authentication';
import { AppError } from '../../platform/http/errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable while the user must change their password (sign-out, the change itself…). */
    allowDuringPasswordChange?: boolean;
  }
}

/**
 * A user whose password must change (set by an administrator, or a reset) reaches only the routes
 * that allow it (`config.allowDuringPasswordChange`: sign-out, the change itself, …) until they
 * change it. Registered with the authentication hook in app.ts.
 */
export const passwordChangeGate: RequestGate = (actor, route) => {
  if (actor.mustChangePassword && !route.allowDuringPasswordChange) {
    throw new AppError(
      'forbidden',
      'password_change_required',
      'You must change your password before you continue.',
    );
  }
};
