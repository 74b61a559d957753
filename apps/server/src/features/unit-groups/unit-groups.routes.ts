import {
  createUnitGroupBody,
  type UnitGroupDetailOut,
  type UnitGroupOut,
  unitGroupDetailOut,
  unitGroupListOut,
  unitGroupOut,
  unitGroupParams,
  unitGroupQuery,
  unitGroupsQuery,
  updateUnitGroupBody,
} from '@dx/contracts';
import type { UnitGroupRecord } from '@dx/db';
import { localDateOf, type OrgUnitKind } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import {
  createUnitGroup,
  deleteUnitGroup,
  getUnitGroupWithMembers,
  listUnitGroups,
  updateUnitGroup,
} from './manage-unit-groups';

const present = (g: UnitGroupRecord) =>
  ({
    id: g.id,
    provinceId: g.provinceId,
    code: g.code,
    name: g.name,
    // The rule's kinds were validated against orgUnitKind on the way in (createUnitGroupBody).
    kinds: (g.rule?.kinds ?? []) as OrgUnitKind[],
    isSystem: g.isSystem,
    version: g.version,
  }) satisfies UnitGroupOut;

export const unitGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/unit-groups',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Nhóm đơn vị của tỉnh, với số đơn vị vào ngày asOf',
        querystring: unitGroupsQuery,
        response: { 200: unitGroupListOut, ...errorResponses },
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
        params: unitGroupParams,
        querystring: unitGroupQuery,
        response: { 200: unitGroupDetailOut, ...errorResponses },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? localDateOf(app.clock());
      const { group, members } = await getUnitGroupWithMembers({
        ctx: contextOf(request),
        groupId: request.params.groupId,
        asOf,
      });
      return {
        ...present(group),
        asOf,
        // A CHECK constraint keeps org_unit_version.kind within ORG_UNIT_KINDS.
        members: members.map((m) => ({ ...m, kind: m.kind as OrgUnitKind })),
      } satisfies UnitGroupDetailOut;
    },
  );

  app.post(
    '/unit-groups',
    {
      schema: {
        tags: ['unit-groups'],
        summary: 'Tạo nhóm đơn vị (theo loại và/hoặc danh sách)',
        body: createUnitGroupBody,
        response: { 201: unitGroupOut, ...errorResponses },
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
        params: unitGroupParams,
        body: updateUnitGroupBody,
        response: { 200: unitGroupOut, ...errorResponses },
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
        params: unitGroupParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteUnitGroup({ ctx: contextOf(request), groupId: request.params.groupId });
      return reply.status(204).send(null);
    },
  );
};
