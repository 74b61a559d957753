import { normalizeText, role, stripInvisible } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses, pagination, recordVersion } from '../../http/schemas';
import { newPassword } from '../../lib/passwords';
import { createUser } from './create-user';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { unlockUser } from './unlock-user';
import { updateUser } from './update-user';
import { presentUser, userOut } from './users.presenter';

const grantIn = z.object({ role, unitId: z.uuid('Đơn vị không hợp lệ').nullable() });
const username = z
  .string()
  .trim()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
  .max(60)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ @ -');
// A name loses zero-width and bidirectional controls (look-alike names, reordered text): docs/security.md.
const displayName = z
  .string()
  .max(240)
  .transform((s) => normalizeText(stripInvisible(s)))
  .pipe(z.string().min(2, 'Nhập họ tên').max(120));
const email = z.email('Thư điện tử không hợp lệ').max(200).nullable();

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Danh sách tài khoản',
        querystring: z.object({ q: z.string().trim().min(1).max(100).optional(), ...pagination }),
        response: { 200: z.object({ items: z.array(userOut), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const result = await listUsers({ ctx, ...request.query });
      return {
        items: result.items.map((r) => presentUser(r.user, r.grants, ctx.now, r.locked)),
        total: result.total,
      };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo tài khoản và phân quyền',
        body: z.object({
          username,
          displayName,
          email: email.default(null),
          password: newPassword,
          grants: z.array(grantIn).min(1, 'Cần ít nhất một vai trò').max(50),
        }),
        response: { 201: userOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { user, grants } = await createUser({ ctx, input: request.body });
      return reply.status(201).send(presentUser(user, grants, ctx.now));
    },
  );

  app.get(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Một tài khoản',
        params: z.object({ userId: z.uuid() }),
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { user, grants, locked } = await getUser({ ctx, userId: request.params.userId });
      return presentUser(user, grants, ctx.now, locked);
    },
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa tài khoản, phân quyền, khóa/mở, đặt lại mật khẩu',
        params: z.object({ userId: z.uuid() }),
        body: z.object({
          version: recordVersion,
          displayName: displayName.optional(),
          email: email.optional(),
          isActive: z.boolean().optional(),
          grants: z.array(grantIn).min(1, 'Cần ít nhất một vai trò').max(50).optional(),
          password: newPassword.optional(),
        }),
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { user, grants } = await updateUser({ ctx, userId: request.params.userId, input: request.body });
      return presentUser(user, grants, ctx.now);
    },
  );

  app.post(
    '/users/:userId/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Mở khóa đăng nhập (xóa các lần đăng nhập sai)',
        params: z.object({ userId: z.uuid() }),
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { user, grants } = await unlockUser({ ctx, userId: request.params.userId });
      return presentUser(user, grants, ctx.now, false);
    },
  );
};
