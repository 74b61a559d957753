import { INDICATOR_WARNING_CODES, indicatorRule, isoDate, VOCABULARIES } from '@dx/domain';
import { z } from 'zod';
import { list } from './common';

// Requests

export const vocabulariesQuery = z.object({ provinceId: z.uuid(), asOf: isoDate.optional() });

/** A term of a province's vocabulary (its code is what records and rules store; the labels are for screens). */
export const vocabularyTermBody = z
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
/** Adds or edits terms; none is deleted (a term ends with validTo). */
export const vocabulariesBody = z.object({
  provinceId: z.uuid(),
  terms: z.array(vocabularyTermBody).min(1, 'Nhập ít nhất một mục').max(500),
});
export type VocabulariesBody = z.input<typeof vocabulariesBody>;

export const indicatorPlanParams = z.object({ planId: z.uuid() });
/** planTargetId: the target being edited, to warn when its stated subject (plan I.2) disagrees with the rule. */
export const indicatorPreviewBody = z.object({ rule: indicatorRule, planTargetId: z.uuid().optional() });
export type IndicatorPreviewBody = z.input<typeof indicatorPreviewBody>;

// Responses

export const vocabularyTermOut = z.object({
  vocabulary: z.enum(VOCABULARIES),
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  position: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type VocabularyTermOut = z.infer<typeof vocabularyTermOut>;
export const vocabularyListOut = list(vocabularyTermOut);
export type VocabularyListOut = z.infer<typeof vocabularyListOut>;

/** One subject of the preview's sample: no evidence and no unit ids leave (people are listed by name only). */
export const indicatorSampleOut = z.object({
  subjectId: z.uuid(),
  label: z.string(),
  unitName: z.string().nullable(),
  districtName: z.string().nullable(),
  due: z.boolean(),
  achieved: z.boolean(),
});

/** Why a rule may never be met (packages/domain/src/indicators/warnings.ts), in both languages. */
export const indicatorWarningOut = z.object({
  code: z.enum(INDICATOR_WARNING_CODES),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  messageEn: z.string(),
});

export const indicatorPreviewOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  value: z.number().nullable(),
  population: z.number(),
  due: z.number(),
  achieved: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sample: z.array(indicatorSampleOut),
  formula: z.object({ vi: z.string(), en: z.string() }),
  warnings: z.array(indicatorWarningOut),
});
export type IndicatorPreviewOut = z.infer<typeof indicatorPreviewOut>;
