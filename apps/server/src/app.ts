import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DatabaseHealth, type Db, pingDatabase } from '@dx/db';
import { say } from '@dx/domain';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config/env';
import { auditRoutes } from './features/audit/audit.routes';
import { authRoutes } from './features/auth/auth.routes';
import { budgetRoutes } from './features/budget/budget.routes';
import { dataItemRoutes } from './features/data-items/data-items.routes';
import { homeRoutes } from './features/home/home.routes';
import { indicatorRoutes } from './features/indicators/indicators.routes';
import { nationalRoutes } from './features/national/national.routes';
import { obstacleRoutes } from './features/obstacles/obstacles.routes';
import { orgUnitRoutes } from './features/org-units/org-units.routes';
import { planImportRoutes } from './features/plan-imports/plan-imports.routes';
import { planRoutes } from './features/plans/plans.routes';
import { provinceRoutes } from './features/provinces/provinces.routes';
import { recordRoutes } from './features/records/records.routes';
import { consolidatedRoutes } from './features/reports/consolidated/consolidated.routes';
import { reportRoutes } from './features/reports/reports.routes';
import { targetRoutes } from './features/targets/targets.routes';
import { taskRoutes } from './features/tasks/tasks.routes';
import { unitGroupRoutes } from './features/unit-groups/unit-groups.routes';
import { unitImportRoutes } from './features/unit-imports/unit-imports.routes';
import { urgingRoutes } from './features/urging/urging.routes';
import { userRoutes } from './features/users/users.routes';
import { registerAuth } from './http/auth';
import { frameworkErrorHandler, registerErrorHandler } from './http/errors';
import { registerInputGuard } from './http/input-guard';
import { registerJsonBodyParser } from './http/json-body';
import { serializeErrorForLog, serializeRequestForLog } from './http/log-safe';

// Zod's own messages (wrong type, too short…) in Vietnamese, the language of the API's users.
z.config(z.locales.vi());

export type AppOptions = {
  db: Db;
  config: Config;
  clock?: () => Date;
  logger?: boolean;
  /** The database's health (`DatabaseHandle.health`); without it `/api/health` runs `SELECT 1`. */
  health?: () => Promise<DatabaseHealth>;
};

/** Builds the HTTP application: API under /api, OpenAPI at /api/docs, the SPA for everything else. */
export async function buildApp({
  db,
  config,
  clock = () => new Date(),
  logger = false,
  health,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are logged through serializeErrorForLog: a failed statement's parameters never reach the log; requests
    // through serializeRequestForLog: a query's values (a search for a person's name) never either.
    logger: logger
      ? { level: config.logLevel, serializers: { err: serializeErrorForLog, req: serializeRequestForLog } }
      : false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('clock', clock);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Mantine and Swagger UI set inline styles.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  registerInputGuard(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Nền tảng truyền thông chuyển đổi số — API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dx_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app);

  app.get('/api/health', { schema: { hide: true } }, async (_request, reply) => {
    const database = await (health ?? (() => pingDatabase(db)))();
    return reply.status(database.ok ? 200 : 503).send({ ok: database.ok, database });
  });
  await app.register(authRoutes(config), { prefix: '/api/auth' });
  await app.register(orgUnitRoutes, { prefix: '/api' });
  await app.register(unitGroupRoutes, { prefix: '/api' });
  await app.register(provinceRoutes, { prefix: '/api' });
  await app.register(unitImportRoutes, { prefix: '/api' });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(planImportRoutes, { prefix: '/api' });
  await app.register(planRoutes, { prefix: '/api' });
  await app.register(nationalRoutes, { prefix: '/api' });
  await app.register(taskRoutes, { prefix: '/api' });
  await app.register(recordRoutes, { prefix: '/api' });
  await app.register(targetRoutes, { prefix: '/api' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(dataItemRoutes, { prefix: '/api' });
  await app.register(budgetRoutes, { prefix: '/api' });
  await app.register(homeRoutes, { prefix: '/api' });
  await app.register(reportRoutes, { prefix: '/api' });
  await app.register(obstacleRoutes, { prefix: '/api' });
  await app.register(consolidatedRoutes, { prefix: '/api' });
  await app.register(urgingRoutes, { prefix: '/api' });

  if (existsSync(join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      // The build writes .br and .gz beside each asset (apps/web/vite.config.ts): sent by Accept-Encoding.
      preCompressed: true,
      setHeaders: (reply, path) => {
        // Hashed file names change with their content: cache them for a year. The page itself is revalidated.
        reply.header(
          'cache-control',
          /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Client-side routes: any GET outside /api serves the SPA.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        const path = request.url.split('?')[0] ?? '';
        const params = { method: request.method, path };
        return reply.status(404).send({
          error: {
            code: 'RESOURCE.NOT_FOUND',
            message: say('request.routeNotFound', params),
            reason: 'request.routeNotFound',
            params,
          },
        });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
