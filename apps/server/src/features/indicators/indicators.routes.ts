import {
  type IndicatorPreviewOut,
  indicatorPlanParams,
  indicatorPreviewBody,
  indicatorPreviewOut,
  vocabulariesBody,
  vocabulariesQuery,
  vocabularyListOut,
} from '@dx/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { getVocabularies, putVocabularies } from './manage-vocabularies';
import { previewIndicator } from './preview-indicator';

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/vocabularies',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Danh mục của tỉnh (vai trò, nội dung tập huấn, loại và cấp sự kiện, loại mô hình, loại kênh)',
        querystring: vocabulariesQuery,
        response: { 200: vocabularyListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await getVocabularies({
        ctx: contextOf(request),
        provinceId: request.query.provinceId,
        asOf: request.query.asOf,
      }),
    }),
  );

  app.put(
    '/vocabularies',
    {
      schema: {
        tags: ['targets'],
        summary: 'Thêm hoặc sửa mục trong danh mục của tỉnh (không xóa: cho hết hiệu lực bằng validTo)',
        body: vocabulariesBody,
        response: { 200: vocabularyListOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: await putVocabularies({
        ctx: contextOf(request),
        provinceId: request.body.provinceId,
        terms: request.body.terms,
      }),
    }),
  );

  app.post(
    '/plans/:planId/indicators/preview',
    {
      schema: {
        tags: ['targets'],
        summary: 'Xem trước một cách tính chỉ tiêu (chưa lưu): giá trị, đối tượng, mẫu, công thức, cảnh báo',
        params: indicatorPlanParams,
        body: indicatorPreviewBody,
        response: { 200: indicatorPreviewOut, ...errorResponses },
      },
    },
    async (request) => {
      const p = await previewIndicator({
        ctx: contextOf(request),
        planId: request.params.planId,
        rule: request.body.rule,
        planTargetId: request.body.planTargetId,
      });
      // A presenter: only these fields leave (no evidence, no unit ids of people).
      return {
        period: p.period,
        asOf: p.asOf,
        value: p.value,
        population: p.facts.population,
        due: p.facts.due,
        achieved: p.facts.achieved,
        numerator: p.facts.numerator,
        denominator: p.facts.denominator,
        sample: p.facts.subjects.map((s) => ({
          subjectId: s.subjectId,
          label: s.label,
          unitName: s.unitName,
          districtName: s.districtName,
          due: s.due,
          achieved: s.achieved,
        })),
        formula: p.formula,
        warnings: p.warnings,
      } satisfies IndicatorPreviewOut;
    },
  );
};
