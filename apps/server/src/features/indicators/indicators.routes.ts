import { indicatorRule } from '@dx/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/context';
import { errorResponses } from '../../http/schemas';
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

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
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
