import type { UnitGroupRecord } from '@dx/db';
import { isoDate, localDateOf, orgUnitKind } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses, recordVersion } from '../../http/schemas';
import {
  createUnitGroup,
  deleteUnitGroup,
  getUnitGroupWithMembers,
  listUnitGroups,
  updateUnitGroup,
} from './manage-unit-groups';

const groupOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  code: z.string(),
  name: z.string(),
  kinds: z.array(orgUnitKind),
  isSystem: z.boolean(),
  version: z.number(),
});
const present = (g: UnitGroupRecord): z.infer<typeof groupOut> => ({
  id: g.id,
  provinceId: g.provinceId,
  code: g.code,
  name: g.name,
  kinds: (g.rule?.kinds ?? []) as z.infer<typeof orgUnitKind>[],
  isSystem: g.isSystem,
  version: g.version,
});
const name = z
  .string()
  .trim()
  .min(2, 'Nhập tên nhóm')
  .max(200)
  .transform((s) => s.normalize('NFC'));
const memberIds = z.array(z.uuid('Đơn vị không hợp lệ')).max(5000);

export const unitGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/unit-groups',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Nhóm đơn vị của tỉnh, với số đơn vị vào ngày asOf',
        querystring: z.object({ provinceId: z.uuid(), asOf: isoDate.optional() }),
        response: {
          200: z.object({ items: z.array(groupOut.extend({ memberCount: z.number() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const groups = await listUnitGroups({
        ctx: contextOf(request),
        provinceId: request.query.provinceId,
        asOf: request.query.asOf ?? localDateOf(app.clock()),
      });
      return { items: groups.map((g) => ({ ...present(g), memberCount: g.memberCount })) };
    },
  );

  app.get(
    '/unit-groups/:groupId',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Nhóm đơn vị và thành viên vào ngày asOf',
        params: z.object({ groupId: z.uuid() }),
        querystring: z.object({ asOf: isoDate.optional() }),
        response: {
          200: groupOut.extend({
            asOf: z.string(),
            members: z.array(
              z.object({
                unitId: z.string(),
                name: z.string(),
                code: z.string().nullable(),
                kind: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? localDateOf(app.clock());
      const { group, members } = await getUnitGroupWithMembers({
        ctx: contextOf(request),
        groupId: request.params.groupId,
        asOf,
      });
      return { ...present(group), asOf, members };
    },
  );

  app.post(
    '/unit-groups',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Tạo nhóm đơn vị (theo loại và/hoặc danh sách)',
        body: z
          .object({
            provinceId: z.uuid(),
            code: z
              .string()
              .trim()
              .min(2)
              .max(60)
              .regex(/^[a-z0-9-]+$/, 'Mã nhóm chỉ gồm chữ thường không dấu, số, gạch ngang'),
            name,
            kinds: z.array(orgUnitKind).max(9).default([]),
            memberIds: memberIds.default([]),
          })
          .refine((b) => b.kinds.length > 0 || b.memberIds.length > 0, {
            message: 'Chọn loại đơn vị hoặc ít nhất một đơn vị',
            path: ['memberIds'],
          }),
        response: { 201: groupOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { provinceId, code, ...input } = request.body;
      const group = await createUnitGroup({ ctx: contextOf(request), provinceId, code, input });
      return reply.status(201).send(present(group));
    },
  );

  app.patch(
    '/unit-groups/:groupId',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Sửa nhóm đơn vị',
        params: z.object({ groupId: z.uuid() }),
        body: z.object({
          version: recordVersion,
          name: name.optional(),
          kinds: z.array(orgUnitKind).max(9).optional(),
          memberIds: memberIds.optional(),
        }),
        response: { 200: groupOut, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      const group = await updateUnitGroup({
        ctx: contextOf(request),
        groupId: request.params.groupId,
        expectedVersion: version,
        input,
      });
      return present(group);
    },
  );

  app.delete(
    '/unit-groups/:groupId',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Xóa nhóm đơn vị (không xóa được nhóm hệ thống)',
        params: z.object({ groupId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteUnitGroup({ ctx: contextOf(request), groupId: request.params.groupId });
      return reply.status(204).send(null);
    },
  );
};
