import type { PlanOut, PlanRevisionOut, PlanSummaryOut } from '@dx/contracts';
import type { PlanSummary, StoredPlan } from '@dx/db';
import { targetCode, themeCode } from '@dx/domain';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentPlanSummary(p: PlanSummary): PlanSummaryOut {
  return {
    id: p.id,
    provinceId: p.provinceId,
    number: p.code,
    issuerName: p.issuerName,
    date: p.issuedOn,
    year: p.year,
    title: p.title,
    version: p.version,
    updatedAt: iso(p.updatedAt),
    targetCount: p.targetCount,
    themeCount: p.themeCount,
  };
}

export function presentPlan(s: StoredPlan): PlanOut {
  const d = s.document;
  return {
    id: s.row.id,
    provinceId: s.row.provinceId,
    version: s.row.version,
    copiedFromPlanId: s.row.copiedFromPlanId,
    createdAt: iso(s.row.createdAt),
    updatedAt: iso(s.row.updatedAt),
    document: d,
    legalBasisLinks: s.legalBasisLinks,
    targetIndex: d.targets.map((t) => ({
      id: t.id!,
      code: targetCode(t.letter),
      goal: t.goal,
      subject: t.subject,
    })),
    themeIndex: d.themes.flatMap((t) => [
      { id: t.id!, code: themeCode(t.label), parentId: null, title: t.title },
      ...t.children.map((c) => ({
        id: c.id!,
        code: themeCode(t.label, c.label),
        parentId: t.id!,
        title: c.title,
      })),
    ]),
  };
}

export function presentRevision(r: {
  id: number;
  version: number;
  action: string;
  parts: string[];
  actorName: string | null;
  at: Date;
}): PlanRevisionOut {
  return {
    id: r.id,
    version: r.version,
    action: r.action,
    parts: r.parts,
    actorName: r.actorName,
    at: iso(r.at),
  };
}

// Re-exported for routes in other areas that answer with a plan (plan imports).
export { planOut } from '@dx/contracts';
