import { indicatorRule, isoDate, VOCABULARIES } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
import { getVocabularies, putVocabularies } from './manage-vocabularies';
import { previewIndicator } from './preview-indicator';

const sampleOut = z.object({
  subjectId: z.string(),
  label: z.string(),
  unitName: z.string().nullable(),
  districtName: z.string().nullable(),
  due: z.boolean(),
  achieved: z.boolean(),
});
const previewOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  value: z.number().nullable(),
  population: z.number(),
  due: z.number(),
  achieved: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sample: z.array(sampleOut),
  formula: z.object({ vi: z.string(), en: z.string() }),
  warnings: z.array(
    z.object({
      code: z.string(),
      path: z.array(z.union([z.string(), z.number()])),
      message: z.string(),
      messageEn: z.string(),
    }),
  ),
});

const termOut = z.object({
  vocabulary: z.enum(VOCABULARIES),
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  position: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
const termIn = z
  .object({
    vocabulary: z.enum(VOCABULARIES, 'Chọn danh mục'),
    code: z
      .string()
      .trim()
      .min(1, 'Nhập mã')
      .max(60)
      .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang'),
    labelVi: z.string().trim().min(1, 'Nhập tên tiếng Việt').max(200),
    labelEn: z.string().trim().max(200).default(''),
    position: z.number().int().min(0).max(10_000).default(0),
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
  })
  .refine((t) => !t.validFrom || !t.validTo || t.validTo > t.validFrom, {
    path: ['validTo'],
    message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực',
  });

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/vocabularies',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Danh mục của tỉnh (vai trò, nội dung tập huấn, loại và cấp sự kiện, loại mô hình, loại kênh)',
        querystring: z.object({ provinceId: z.uuid(), asOf: isoDate.optional() }),
        response: { 200: z.object({ items: z.array(termOut) }), ...errorResponses },
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
        body: z.object({
          provinceId: z.uuid(),
          terms: z.array(termIn).min(1, 'Nhập ít nhất một mục').max(500),
        }),
        response: { 200: z.object({ items: z.array(termOut) }), ...errorResponses },
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
        params: z.object({ planId: z.uuid() }),
        body: z.object({ rule: indicatorRule }),
        response: { 200: previewOut, ...errorResponses },
      },
    },
    async (request) => {
      const p = await previewIndicator({
        ctx: contextOf(request),
        planId: request.params.planId,
        rule: request.body.rule,
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
      };
    },
  );
};
