import {
  correctOrgUnitBody,
  correctOrgUnitOut,
  orgUnitsQuery,
  orgUnitsSummaryOut,
  orgUnitsSummaryQuery,
  provincesQuery,
  reorganisationBody,
  reorganisationOut,
  unitDetailOut,
  unitIdParams,
  unitListOut,
  unitPageOut,
  versionIdParams,
} from '@dx/contracts';
import { localDateOf } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { correctOrgUnit } from './correct-org-unit';
import { getOrgUnit } from './get-org-unit';
import { listOrgUnits, listVisibleProvinces, summarizeOrgUnits } from './list-org-units';
import { presentUnit, presentUnitDetail } from './org-units.presenter';
import { recordReorganisation } from './record-reorganisation';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const today = () => localDateOf(app.clock());

  app.get(
    '/provinces',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Tỉnh, thành phố có hiệu lực vào ngày',
        querystring: provincesQuery,
        response: { 200: unitListOut, ...errorResponses },
      },
    },
    async (request) => {
      const items = await listVisibleProvinces({
        ctx: contextOf(request),
        asOf: request.query.asOf ?? today(),
      });
      return { items: items.map(presentUnit) };
    },
  );

  app.get(
    '/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Đơn vị trực thuộc một đơn vị, hoặc tìm kiếm không dấu trong tỉnh, vào ngày asOf',
        querystring: orgUnitsQuery,
        response: { 200: unitPageOut, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listOrgUnits({
        ctx: contextOf(request),
        filter: {
          provinceId: q.provinceId,
          asOf: q.asOf ?? today(),
          parentUnitId: q.parentId ?? (q.q || q.kind ? undefined : q.provinceId),
          q: q.q,
          kinds: q.kind,
          limit: q.limit,
          offset: q.offset,
        },
      });
      return { items: result.items.map(presentUnit), total: result.total };
    },
  );

  app.get(
    '/org-units/summary',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Số đơn vị theo loại vào ngày asOf',
        querystring: orgUnitsSummaryQuery,
        response: { 200: orgUnitsSummaryOut, ...errorResponses },
      },
    },
    async (request) => {
      const d = request.query.asOf ?? today();
      const counts = await summarizeOrgUnits({
        ctx: contextOf(request),
        provinceId: request.query.provinceId,
        asOf: d,
      });
      return { asOf: d, counts };
    },
  );

  app.get(
    '/org-units/:unitId',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Lịch sử một đơn vị, đơn vị tiền thân và kế thừa',
        params: unitIdParams,
        response: { 200: unitDetailOut, ...errorResponses },
      },
    },
    async (request) =>
      presentUnitDetail(await getOrgUnit({ ctx: contextOf(request), unitId: request.params.unitId })),
  );

  app.post(
    '/reorganisations',
    {
      schema: {
        tags: ['org-units'],
        summary:
          'Ghi nhận sáp nhập, chia tách, đổi tên, chuyển cấp trên, thành lập, giải thể (có ngày hiệu lực)',
        body: reorganisationBody,
        response: { 201: reorganisationOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await recordReorganisation({ ctx: contextOf(request), input: request.body });
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/org-units/versions/:versionId',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Sửa sai thông tin một phiên bản đơn vị (không phải thay đổi tổ chức)',
        params: versionIdParams,
        body: correctOrgUnitBody,
        response: { 200: correctOrgUnitOut, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      const updated = await correctOrgUnit({
        ctx: contextOf(request),
        versionId: request.params.versionId,
        expectedVersion: version,
        patch: { ...patch, code: patch.code ?? null },
      });
      return { versionId: updated.id, version: updated.version };
    },
  );
};
