import type { IssuedUrgingOut, IssueUrgingInput, UrgingListOut, UrgingOut } from '@dx/contracts';
import { get, post } from '../lib/api';

export type Urging = UrgingOut;
export type IssuedUrging = IssuedUrgingOut;
export type UrgingRequest = IssueUrgingInput;

export const urgingKeys = {
  all: ['urgings'] as const,
  list: (planId: string) => ['urgings', planId] as const,
};
export const listUrgings = (planId: string) => get<UrgingListOut>(`/plans/${planId}/urgings`);
export const issueUrging = (planId: string, body: UrgingRequest) =>
  post<IssuedUrging>(`/plans/${planId}/urgings`, body);
