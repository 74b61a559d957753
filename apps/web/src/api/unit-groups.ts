import type { CreateUnitGroupBody, UnitGroupDetailOut, UnitGroupListOut, UnitGroupOut } from '@dx/contracts';
import { del, get, post } from '../lib/api';

export type UnitGroup = UnitGroupOut;
export type UnitGroupDetail = UnitGroupDetailOut;
export type UnitGroupCreate = CreateUnitGroupBody;

export const groupKeys = {
  all: ['unit-groups'] as const,
  list: (provinceId: string) => ['unit-groups', 'list', provinceId] as const,
  detail: (id: string, asOf: string) => ['unit-groups', 'detail', id, asOf] as const,
};

export const listGroups = (provinceId: string) => get<UnitGroupListOut>('/unit-groups', { provinceId });
export const fetchGroup = (id: string, asOf: string) => get<UnitGroupDetail>(`/unit-groups/${id}`, { asOf });
export const createGroup = (input: UnitGroupCreate) => post<UnitGroup>('/unit-groups', input);
export const deleteGroup = (id: string) => del<void>(`/unit-groups/${id}`);
