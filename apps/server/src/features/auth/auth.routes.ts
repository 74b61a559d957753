import { changePasswordBody, meOut, signInBody, signOutBody, signOutOut } from '@dx/contracts';
import { findUserById, getGrants } from '@dx/db';
import { AppError, hasPermissionAnywhere, PERMISSION_NAMES, said } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/env';
import { hashToken, SESSION_COOKIE } from '../../http/auth';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { presentUser } from '../users/users.presenter';
import { changePassword } from './change-password';
import { signIn } from './sign-in';
import { signOut } from './sign-out';

export const authRoutes =
  (config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: config.secureCookies,
      path: '/',
    };

    const me = async (userId: string, csrfToken: string) => {
      const user = await findUserById(app.db, userId);
      if (!user) throw new AppError('AUTH.UNAUTHENTICATED', said('auth.signInFirst'));
      const grants = (await getGrants(app.db, [userId])).get(userId) ?? [];
      const permissions = PERMISSION_NAMES.filter((p) =>
        hasPermissionAnywhere(
          grants.map((g) => ({ role: g.role, unitId: g.unitId, provinceId: g.provinceId })),
          p,
        ),
      );
      return { user: presentUser(user, grants, app.clock()), csrfToken, permissions };
    };

    app.post(
      '/sign-in',
      {
        config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập',
          body: signInBody,
          response: { 200: meOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await signIn({
          db: app.db,
          username: request.body.username,
          password: request.body.password,
          now: app.clock(),
          ttlHours: config.sessionTtlHours,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          previousTokenHash: request.cookies[SESSION_COOKIE]
            ? hashToken(request.cookies[SESSION_COOKIE])
            : null,
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          ...cookieOptions,
          maxAge: config.sessionTtlHours * 3600,
        });
        return me(result.userId, result.csrfToken);
      },
    );

    app.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Người dùng hiện tại',
          response: { 200: meOut, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        return me(ctx.actor.userId, ctx.actor.csrfToken);
      },
    );

    app.post(
      '/sign-out',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đăng xuất (everywhere=true: khỏi mọi thiết bị)',
          body: signOutBody,
          response: { 200: signOutOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const sessionsEnded = await signOut({ ctx: contextOf(request), everywhere: request.body.everywhere });
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { sessionsEnded };
      },
    );

    app.post(
      '/change-password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu (kết thúc mọi phiên đăng nhập)',
          body: changePasswordBody,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await changePassword({ ctx: contextOf(request), ...request.body });
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );
  };
