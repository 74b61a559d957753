import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the budget feature (thin: validate → authorize → one use case → present). */
export const budgetRoutes: FastifyPluginAsyncZod = async () => {};
