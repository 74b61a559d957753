import { isoDate, ORG_UNIT_KINDS } from '@dx/domain';
import { z } from 'zod';

// Importing a province's units from a file (issue 15): dry run, then confirm all or nothing.

export const unitImportQuery = z.object({
  provinceId: z.uuid('provinceId không hợp lệ'),
  confirm: z.enum(['true', 'false'], 'Ghi true hoặc false').default('false'),
  effectiveDate: isoDate
    .optional()
    .describe(
      'Ngày các đơn vị bắt đầu có hiệu lực; bắt buộc khi xác nhận (chạy thử: mặc định ngày đầu năm kế hoạch sớm nhất)',
    ),
});

const kind = z.enum(ORG_UNIT_KINDS);

export const unitImportRowOut = z.object({
  row: z.number(),
  status: z.enum(['ok', 'error', 'skipped']),
  code: z.string().nullable(),
  name: z.string(),
  kind: kind.nullable(),
  adminType: z.string().nullable(),
  parentName: z.string().nullable(),
  messages: z.array(z.string()),
});
export type UnitImportRowOut = z.infer<typeof unitImportRowOut>;

export const unitImportOut = z.object({
  format: z.enum(['units', 'gso']),
  fileName: z.string(),
  effectiveDate: z.string(),
  defaultEffectiveDate: z.string(),
  total: z.number(),
  errors: z.number(),
  created: z.number(),
  counts: z.partialRecord(kind, z.number()),
  rows: z.array(unitImportRowOut),
  reorganisationId: z.string().nullable(),
  groupsAdded: z.array(z.string()),
});
export type UnitImportOut = z.infer<typeof unitImportOut>;
