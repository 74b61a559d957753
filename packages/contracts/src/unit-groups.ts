import { isoDate, orgUnitKind } from '@dx/domain';
import { z } from 'zod';
import { list, recordVersion } from './common';

// Requests

const groupName = z
  .string()
  .trim()
  .min(2, 'Nhập tên nhóm')
  .max(200)
  .transform((s) => s.normalize('NFC'));
const memberIds = z.array(z.uuid('Đơn vị không hợp lệ')).max(5000);

export const unitGroupsQuery = z.object({ provinceId: z.uuid(), asOf: isoDate.optional() });
export const unitGroupParams = z.object({ groupId: z.uuid() });
export const unitGroupQuery = z.object({ asOf: isoDate.optional() });

export const createUnitGroupBody = z
  .object({
    provinceId: z.uuid(),
    code: z
      .string()
      .trim()
      .min(2)
      .max(60)
      .regex(/^[a-z0-9-]+$/, 'Mã nhóm chỉ gồm chữ thường không dấu, số, gạch ngang'),
    name: groupName,
    kinds: z.array(orgUnitKind).max(9).default([]),
    memberIds: memberIds.default([]),
  })
  .refine((b) => b.kinds.length > 0 || b.memberIds.length > 0, {
    message: 'Chọn loại đơn vị hoặc ít nhất một đơn vị',
    path: ['memberIds'],
  });
export type CreateUnitGroupBody = z.input<typeof createUnitGroupBody>;

export const updateUnitGroupBody = z.object({
  version: recordVersion,
  name: groupName.optional(),
  kinds: z.array(orgUnitKind).max(9).optional(),
  memberIds: memberIds.optional(),
});

// Responses

export const unitGroupOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  code: z.string(),
  name: z.string(),
  kinds: z.array(orgUnitKind),
  isSystem: z.boolean(),
  version: z.number(),
});
export type UnitGroupOut = z.infer<typeof unitGroupOut>;

export const unitGroupListOut = list(unitGroupOut.extend({ memberCount: z.number() }));
export type UnitGroupListOut = z.infer<typeof unitGroupListOut>;

export const unitGroupDetailOut = unitGroupOut.extend({
  asOf: z.string(),
  members: z.array(
    z.object({ unitId: z.string(), name: z.string(), code: z.string().nullable(), kind: orgUnitKind }),
  ),
});
export type UnitGroupDetailOut = z.infer<typeof unitGroupDetailOut>;
