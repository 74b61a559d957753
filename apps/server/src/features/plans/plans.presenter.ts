import type { PlanSummary, StoredPlan } from '@dx/db';
import { planDocument, targetCode, targetGoal, targetSubject, themeCode } from '@dx/domain';
import { z } from 'zod';

export const planSummaryOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  number: z.string().nullable(),
  issuerName: z.string(),
  date: z.string().nullable(),
  year: z.number(),
  title: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  targetCount: z.number(),
  themeCount: z.number(),
});

export const planOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  version: z.number(),
  copiedFromPlanId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  document: planDocument,
  /** Per legal basis: the id of the stored plan it cites (e.g. the 2022–2025 parent plan 29/KH-UBND), if any. */
  legalBasisLinks: z.array(z.string().nullable()),
  /** Flat list of targets and themes with their codes (I.2.a, II.4.a), for tagging and for the next features. */
  targetIndex: z.array(
    z.object({ id: z.string(), code: z.string(), goal: targetGoal, subject: targetSubject }),
  ),
  themeIndex: z.array(
    z.object({ id: z.string(), code: z.string(), parentId: z.string().nullable(), title: z.string() }),
  ),
});

export const revisionOut = z.object({
  id: z.number(),
  version: z.number(),
  action: z.string(),
  parts: z.array(z.string()),
  actorName: z.string().nullable(),
  at: z.string(),
});

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentPlanSummary(p: PlanSummary): z.infer<typeof planSummaryOut> {
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

export function presentPlan(s: StoredPlan): z.infer<typeof planOut> {
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
}): z.infer<typeof revisionOut> {
  return {
    id: r.id,
    version: r.version,
    action: r.action,
    parts: r.parts,
    actorName: r.actorName,
    at: iso(r.at),
  };
}
