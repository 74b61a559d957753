import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** HTTP routes of the reports feature (thin: validate → authorize → one use case → present). */
export const reportRoutes: FastifyPluginAsyncZod = async () => {};
