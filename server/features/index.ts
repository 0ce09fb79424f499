import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps';
import { apiKeyRoutes } from './api-keys/routes';
import { authRoutes } from './auth/routes';

/**
 * The table of contents of the API: every feature's routes, registered under /api. A route that
 * does not declare its access (`config.access`) stops the app from starting.
 */
export async function registerFeatures(app: FastifyInstance, deps: Deps): Promise<void> {
  await authRoutes(app, deps);
  await apiKeyRoutes(app, deps);
}
