import type { OrgUnitKind } from '@dx/domain';
import { del, get, patch, post } from '../../lib/api';

export type UnitGroup = {
  id: string;
  provinceId: string;
  code: string;
  name: string;
  kinds: OrgUnitKind[];
  isSystem: boolean;
  version: number;
};
export type UnitGroupDetail = UnitGroup & {
  asOf: string;
  members: { unitId: string; name: string; code: string | null; kind: string }[];
};
export type UnitGroupCreate = {
  provinceId: string;
  code: string;
  name: string;
  kinds: OrgUnitKind[];
  memberIds: string[];
};

export const groupKeys = {
  all: ['unit-groups'] as const,
  list: (provinceId: string) => ['unit-groups', 'list', provinceId] as const,
  detail: (id: string, asOf: string) => ['unit-groups', 'detail', id, asOf] as const,
};

export const listGroups = (provinceId: string) =>
  get<{ items: (UnitGroup & { memberCount: number })[] }>('/unit-groups', { provinceId });
export const fetchGroup = (id: string, asOf: string) => get<UnitGroupDetail>(`/unit-groups/${id}`, { asOf });
export const createGroup = (input: UnitGroupCreate) => post<UnitGroup>('/unit-groups', input);
export const updateGroup = (
  id: string,
  input: { version: number; name?: string; kinds?: OrgUnitKind[]; memberIds?: string[] },
) => patch<UnitGroup>(`/unit-groups/${id}`, input);
export const deleteGroup = (id: string) => del<void>(`/unit-groups/${id}`);
