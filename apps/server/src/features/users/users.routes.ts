import {
  createUserBody,
  followSuccessorsBody,
  updateUserBody,
  userListOut,
  userOut,
  userParams,
  usersQuery,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { createUser } from './create-user';
import { endedGrantsOf, followSuccessors } from './follow-successors';
import { getUser } from './get-user';
import { listUsers } from './list-users';
import { unlockUser } from './unlock-user';
import { updateUser } from './update-user';
import { presentUser } from './users.presenter';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Danh sách tài khoản',
        querystring: usersQuery,
        response: { 200: userListOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const result = await listUsers({ ctx, ...request.query });
      const ended = await endedGrantsOf(
        ctx,
        result.items.flatMap((r) => r.grants),
      );
      return {
        items: result.items.map((r) => presentUser(r.user, r.grants, ctx.now, r.locked, ended)),
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
        body: createUserBody,
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
        params: userParams,
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { user, grants, locked } = await getUser({ ctx, userId: request.params.userId });
      return presentUser(user, grants, ctx.now, locked, await endedGrantsOf(ctx, grants));
    },
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa tài khoản, phân quyền, khóa/mở, đặt lại mật khẩu',
        params: userParams,
        body: updateUserBody,
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
    '/users/:userId/grants/follow-successors',
    {
      schema: {
        tags: ['users'],
        summary: 'Chuyển quyền trên đơn vị đã kết thúc sang đơn vị kế thừa',
        params: userParams,
        body: followSuccessorsBody,
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { user, grants } = await followSuccessors({
        ctx,
        userId: request.params.userId,
        version: request.body.version,
      });
      return presentUser(user, grants, ctx.now, false, await endedGrantsOf(ctx, grants));
    },
  );

  app.post(
    '/users/:userId/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Mở khóa đăng nhập (xóa các lần đăng nhập sai)',
        params: userParams,
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
