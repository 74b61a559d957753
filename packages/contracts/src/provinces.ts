import { isoDate, PROVINCE_ADMIN_TYPES } from '@dx/domain';
import { z } from 'zod';
import { list } from './common';

// The national catalogue of provinces (issue 15) and adding a province from it.

export const provinceCatalogueQuery = z.object({
  asOf: isoDate
    .optional()
    .describe('Chỉ các tỉnh, thành phố có hiệu lực vào ngày này (yyyy-mm-dd); bỏ trống: tất cả'),
});

export const addProvinceBody = z.object({
  catalogueId: z.uuid('Chọn một tỉnh, thành phố trong danh mục'),
});

export const catalogueProvinceOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  adminType: z.enum(PROVINCE_ADMIN_TYPES),
  /** "tỉnh" or "thành phố": the province's own word. */
  word: z.enum(['tỉnh', 'thành phố']),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  predecessorCodes: z.array(z.string()),
  legalBasis: z.string().nullable(),
  /** The platform's province made from this row, when it was added. */
  provinceId: z.string().nullable(),
});
export type CatalogueProvinceOut = z.infer<typeof catalogueProvinceOut>;
export const provinceCatalogueOut = list(catalogueProvinceOut);
export type ProvinceCatalogueOut = z.infer<typeof provinceCatalogueOut>;

export const addProvinceOut = z.object({
  provinceId: z.string(),
  code: z.string(),
  name: z.string(),
  /** Codes of the default unit groups it received. */
  groups: z.array(z.string()),
});
export type AddProvinceOut = z.infer<typeof addProvinceOut>;
