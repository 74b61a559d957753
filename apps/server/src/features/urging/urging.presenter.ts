import type { UrgingOut } from '@dx/contracts';
import type { UrgingRow } from '@dx/db';

export function presentUrging(u: UrgingRow & { createdByName?: string | null }): UrgingOut {
  return {
    id: u.id,
    planId: u.planId,
    number: `${u.number}/${u.frame.code}`,
    year: u.year,
    source: u.source as UrgingOut['source'],
    sourceId: u.sourceId,
    subject: u.subject,
    issuedOn: u.issuedOn,
    asOf: u.asOf,
    issuer: u.frame.issuerName,
    lines: u.lines,
    delivery: u.delivery,
    createdByName: u.createdByName ?? null,
    createdAt: u.createdAt.toISOString(),
    documentUrl: `/api/urgings/${u.id}/document.docx`,
  };
}
