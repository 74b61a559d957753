import {
  DEFAULT_PLAN_HEADINGS,
  type GoalUnit,
  PLAN_PARTS,
  type PlanDocument,
  parseDocumentNumber,
  type TargetSubject,
  themeCode,
} from '@dx/domain';
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { type PlanBody, plan, planLegalBasis, planRevision, planTarget, planTheme } from '../plan-schema';
import { inForceOn } from './as-of';

export type PlanRow = typeof plan.$inferSelect;

/** A stored plan: its row (version, province) and the structured document with the ids of its rows. */
export type StoredPlan = {
  row: PlanRow;
  document: PlanDocument;
  /** For each legal basis (same order): the id of a stored plan it names, if any (e.g. 29/KH-UBND of 2022). */
  legalBasisLinks: (string | null)[];
};

export type PlanSummary = Pick<
  PlanRow,
  'id' | 'provinceId' | 'code' | 'issuerName' | 'issuedOn' | 'year' | 'title' | 'version' | 'updatedAt'
> & { targetCount: number; themeCount: number };

/** Plans of some provinces (null = all), newest year first. */
export async function listPlans(db: Db, provinceIds: string[] | null): Promise<PlanSummary[]> {
  if (provinceIds !== null && provinceIds.length === 0) return [];
  const rows = await db
    .select({
      id: plan.id,
      provinceId: plan.provinceId,
      code: plan.code,
      issuerName: plan.issuerName,
      issuedOn: plan.issuedOn,
      year: plan.year,
      title: plan.title,
      version: plan.version,
      updatedAt: plan.updatedAt,
      targetCount: sql<number>`(SELECT count(*) FROM plan_target pt WHERE pt.plan_id = "plan"."id")::int`,
      themeCount: sql<number>`(SELECT count(*) FROM plan_theme pm WHERE pm.plan_id = "plan"."id")::int`,
    })
    .from(plan)
    .where(provinceIds === null ? sql`TRUE` : inArray(plan.provinceId, provinceIds))
    .orderBy(desc(plan.year), desc(plan.issuedOn), asc(plan.title));
  return rows.map((r) => ({ ...r, targetCount: Number(r.targetCount), themeCount: Number(r.themeCount) }));
}

export async function getPlanRow(db: Db, id: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(plan).where(eq(plan.id, id));
  return row ?? null;
}

/** The whole plan as a document, or null. */
export async function loadPlan(db: Db, id: string): Promise<StoredPlan | null> {
  const row = await getPlanRow(db, id);
  if (!row) return null;
  const bases = await queryRows<{
    id: string;
    kind: string;
    number: string;
    issuer: string | null;
    issued_on: string | Date | null;
    title: string;
    citation: string | null;
    linked_plan_id: string | null;
  }>(
    db,
    // A basis names another plan when province, code and year of issue match (29/KH-UBND of 2022 → that plan).
    sql`SELECT b.id, b.kind, b.number, b.issuer, to_char(b.issued_on, 'YYYY-MM-DD') AS issued_on, b.title, b.citation,
          (SELECT p.id FROM plan p WHERE p.province_id = ${row.provinceId} AND p.code = b.number
             AND p.issued_year = extract(year FROM b.issued_on)::int AND p.id <> ${row.id} LIMIT 1) AS linked_plan_id
        FROM plan_legal_basis b WHERE b.plan_id = ${row.id} ORDER BY b.position`,
  );
  const targets = await db
    .select()
    .from(planTarget)
    .where(eq(planTarget.planId, id))
    .orderBy(asc(planTarget.position));
  const themes = await db
    .select()
    .from(planTheme)
    .where(eq(planTheme.planId, id))
    .orderBy(asc(planTheme.position));
  const top = themes.filter((t) => t.parentId === null);
  const b = row.body;
  const document: PlanDocument = {
    kind: b.kind ?? 'KH',
    issuerName: row.issuerName,
    parentIssuerName: b.parentIssuerName ?? null,
    number: row.code,
    place: row.place,
    date: row.issuedOn,
    year: row.year,
    yearTo: b.yearTo ?? null,
    title: row.title,
    // Plans stored before the optional parts existed read plan 54's shape (packages/domain plan.ts `parts`).
    headings: { ...DEFAULT_PLAN_HEADINGS, ...b.headings },
    parts: b.parts ?? [...PLAN_PARTS],
    purposes: b.purposes ?? [],
    requirements: b.requirements ?? [],
    legalBases: bases.map((x) => ({
      id: x.id,
      kind: x.kind,
      number: x.number,
      issuer: x.issuer,
      date: x.issued_on === null ? null : String(x.issued_on).slice(0, 10),
      title: x.title,
      citation: x.citation,
    })),
    preambleLead: b.preambleLead,
    preambleClosing: b.preambleClosing,
    generalObjectives: b.generalObjectives,
    targets: targets.map((t) => ({
      id: t.id,
      letter: t.letter,
      text: t.text,
      goal: {
        comparator: t.comparator as 'eq',
        value: Number(t.goalValue),
        ...(t.goalMax !== null && { max: Number(t.goalMax) }),
        unit: t.unit as GoalUnit,
      },
      subject: (t.subjectType === 'unit_group'
        ? { type: 'unit_group', unitGroupCode: t.subjectUnitGroupCode! }
        : { type: 'record', recordKind: t.subjectRecordKind! }) as TargetSubject,
    })),
    themes: top.map((t) => ({
      id: t.id,
      label: t.label,
      title: t.title,
      bullets: t.bullets,
      children: themes
        .filter((c) => c.parentId === t.id)
        .map((c) => ({ id: c.id, label: c.label, title: c.title, bullets: c.bullets })),
    })),
    tasks: b.tasks,
    funding: b.funding,
    responsibilities: b.responsibilities,
    reportingSchedule: b.reportingSchedule ?? [],
    closing: b.closing,
    recipients: b.recipients,
    signature: {
      authority: b.signatureAuthority,
      delegation: b.signatureDelegation,
      position: row.signerPosition,
      signer: row.signerName,
    },
    notes: b.notes,
  };
  return { row, document, legalBasisLinks: bases.map((x) => x.linked_plan_id) };
}

/** Columns of the plan row for a document (number parsed into issuer code and number). */
function rowValues(doc: PlanDocument) {
  const parsed = doc.number ? parseDocumentNumber(doc.number) : null;
  const body: PlanBody = {
    kind: doc.kind,
    parentIssuerName: doc.parentIssuerName,
    yearTo: doc.yearTo,
    headings: doc.headings,
    parts: doc.parts,
    purposes: doc.purposes,
    requirements: doc.requirements,
    preambleLead: doc.preambleLead,
    preambleClosing: doc.preambleClosing,
    generalObjectives: doc.generalObjectives,
    tasks: doc.tasks,
    funding: doc.funding,
    responsibilities: doc.responsibilities,
    reportingSchedule: doc.reportingSchedule,
    closing: doc.closing,
    recipients: doc.recipients,
    signatureAuthority: doc.signature.authority,
    signatureDelegation: doc.signature.delegation,
    notes: doc.notes,
  };
  return {
    issuerName: doc.issuerName,
    issuerCode: parsed?.issuerCode ?? null,
    number: parsed?.number ?? null,
    typeCode: parsed?.typeCode ?? doc.kind,
    code: doc.number,
    issuedYear: doc.date && parsed ? Number(doc.date.slice(0, 4)) : null,
    issuedOn: doc.date,
    place: doc.place,
    year: doc.year,
    title: doc.title,
    signerName: doc.signature.signer,
    signerPosition: doc.signature.position,
    body,
  };
}

/** Inserts a plan with its legal bases, targets and themes; returns its id. */
export async function insertPlan(
  db: Db,
  p: {
    provinceId: string;
    document: PlanDocument;
    createdBy: string | null;
    copiedFromPlanId?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(plan)
    .values({
      provinceId: p.provinceId,
      ...rowValues(p.document),
      createdBy: p.createdBy,
      copiedFromPlanId: p.copiedFromPlanId ?? null,
    })
    .returning({ id: plan.id });
  await writeChildren(db, row!.id, p.provinceId, p.document);
  return row!.id;
}

/** Replaces a plan's document if its version is still `expectedVersion`; false when someone saved first. */
export async function updatePlan(
  db: Db,
  id: string,
  expectedVersion: number,
  document: PlanDocument,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(plan)
    .set({ ...rowValues(document), version: sql`${plan.version} + 1`, updatedAt: now })
    .where(and(eq(plan.id, id), eq(plan.version, expectedVersion)))
    .returning({ id: plan.id, provinceId: plan.provinceId });
  if (rows.length === 0) return false;
  await writeChildren(db, id, rows[0]!.provinceId, document);
  return true;
}

/**
 * Writes the rows of legal bases, targets and themes. Targets and themes keep their ids when the input
 * carries them (later features refer to them); rows missing from the input are deleted. Labels are first
 * moved aside so that re-lettering (a ↔ b) never trips the unique indexes mid-way.
 */
async function writeChildren(db: Db, planId: string, provinceId: string, doc: PlanDocument): Promise<void> {
  await db.delete(planLegalBasis).where(eq(planLegalBasis.planId, planId));
  if (doc.legalBases.length) {
    await db.insert(planLegalBasis).values(
      doc.legalBases.map((b, position) => ({
        ...(b.id && { id: b.id }),
        planId,
        position,
        kind: b.kind,
        number: b.number,
        issuer: b.issuer,
        issuedOn: b.date,
        title: b.title,
        citation: b.citation,
      })),
    );
  }

  const keptTargets = doc.targets.map((t) => t.id).filter((x): x is string => !!x);
  await db
    .delete(planTarget)
    .where(
      and(
        eq(planTarget.planId, planId),
        keptTargets.length ? notInArray(planTarget.id, keptTargets) : sql`TRUE`,
      ),
    );
  await db
    .update(planTarget)
    .set({ letter: sql`'~' || ${planTarget.id}::text` })
    .where(eq(planTarget.planId, planId));
  const existingTargets = new Set(
    (await db.select({ id: planTarget.id }).from(planTarget).where(eq(planTarget.planId, planId))).map(
      (r) => r.id,
    ),
  );
  for (const [position, t] of doc.targets.entries()) {
    const values = {
      letter: t.letter,
      position,
      text: t.text,
      comparator: t.goal.comparator,
      goalValue: t.goal.value,
      goalMax: t.goal.comparator === 'between' ? (t.goal.max ?? null) : null,
      unit: t.goal.unit,
      subjectType: t.subject.type,
      subjectUnitGroupCode: t.subject.type === 'unit_group' ? t.subject.unitGroupCode : null,
      subjectRecordKind: t.subject.type === 'record' ? t.subject.recordKind : null,
    };
    if (t.id && existingTargets.has(t.id))
      await db.update(planTarget).set(values).where(eq(planTarget.id, t.id));
    else await db.insert(planTarget).values({ ...values, planId, provinceId });
  }

  const keptThemes = doc.themes
    .flatMap((t) => [t.id, ...t.children.map((c) => c.id)])
    .filter((x): x is string => !!x);
  await db
    .delete(planTheme)
    .where(
      and(eq(planTheme.planId, planId), keptThemes.length ? notInArray(planTheme.id, keptThemes) : sql`TRUE`),
    );
  await db
    .update(planTheme)
    .set({ code: sql`'~' || ${planTheme.id}::text` })
    .where(eq(planTheme.planId, planId));
  const existingThemes = new Set(
    (await db.select({ id: planTheme.id }).from(planTheme).where(eq(planTheme.planId, planId))).map(
      (r) => r.id,
    ),
  );
  let position = 0;
  const upsertTheme = async (
    t: { id?: string | undefined; label: string; title: string; bullets: string[] },
    code: string,
    parentId: string | null,
  ): Promise<string> => {
    const values = {
      parentId,
      code,
      label: t.label,
      position: position++,
      title: t.title,
      bullets: t.bullets,
    };
    if (t.id && existingThemes.has(t.id)) {
      await db.update(planTheme).set(values).where(eq(planTheme.id, t.id));
      return t.id;
    }
    const [row] = await db
      .insert(planTheme)
      .values({ ...values, planId, provinceId })
      .returning({ id: planTheme.id });
    return row!.id;
  };
  for (const t of doc.themes) {
    const id = await upsertTheme(t, themeCode(t.label), null);
    for (const c of t.children) await upsertTheme(c, themeCode(t.label, c.label), id);
  }
}

export type PlanRevisionRow = typeof planRevision.$inferSelect;

export async function insertPlanRevision(
  db: Db,
  r: {
    planId: string;
    version: number;
    action: string;
    parts: string[];
    actorUserId: string | null;
    actorName: string | null;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await db.insert(planRevision).values({ ...r, before: r.before ?? null });
}

/** Revisions newest first, without the snapshots unless asked (they are large). */
export async function listPlanRevisions(db: Db, planId: string, withSnapshots = false) {
  const cols = {
    id: planRevision.id,
    version: planRevision.version,
    action: planRevision.action,
    parts: planRevision.parts,
    actorUserId: planRevision.actorUserId,
    actorName: planRevision.actorName,
    at: planRevision.at,
    ...(withSnapshots && { before: planRevision.before, after: planRevision.after }),
  };
  return db
    .select(cols)
    .from(planRevision)
    .where(eq(planRevision.planId, planId))
    .orderBy(desc(planRevision.id));
}

export async function getPlanRevision(
  db: Db,
  planId: string,
  revisionId: number,
): Promise<PlanRevisionRow | null> {
  const [row] = await db
    .select()
    .from(planRevision)
    .where(and(eq(planRevision.planId, planId), eq(planRevision.id, revisionId)));
  return row ?? null;
}

/** True when a plan with this code already exists (used by the seed to stay idempotent). */
export async function findPlanByCode(
  db: Db,
  provinceId: string,
  code: string,
  issuedYear: number,
): Promise<string | null> {
  const [row] = await db
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.provinceId, provinceId), eq(plan.code, code), eq(plan.issuedYear, issuedYear)));
  return row?.id ?? null;
}

/** Unit ids that are units of the province (any time), to check the links of responsibilities. */
export async function unitsInProvince(db: Db, provinceId: string, unitIds: string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM org_unit WHERE province_id = ${provinceId} AND id IN (${sql.join(
      unitIds.map((u) => sql`${u}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Unit group codes of a province. */
export async function unitGroupCodes(db: Db, provinceId: string): Promise<Set<string>> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM unit_group WHERE province_id = ${provinceId}`,
  );
  return new Set(rows.map((r) => r.code));
}

/** The id of a unit of the province by its exact name in force on a date (e.g. "Sở Tài chính" in 2023). */
export async function findUnitByName(
  db: Db,
  provinceId: string,
  name: string,
  asOf: string,
): Promise<string | null> {
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
        WHERE u.province_id = ${provinceId} AND v.name = ${name}
          AND ${inForceOn('v', asOf)}
        LIMIT 1`,
  );
  return rows[0]?.unit_id ?? null;
}

/** The units of a province in force on a date with their name and kind (for copying a plan across provinces). */
export async function provinceUnitsOn(
  db: Db,
  provinceId: string,
  asOf: string,
): Promise<{ unitId: string; name: string; kind: string }[]> {
  const rows = await queryRows<{ unit_id: string; name: string; kind: string }>(
    db,
    sql`SELECT v.unit_id, v.name, v.kind FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
        WHERE u.province_id = ${provinceId} AND ${inForceOn('v', asOf)}
        ORDER BY v.name`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name, kind: r.kind }));
}

/** Name and kind of some units as they stood on a date (or last stood, for a unit since dissolved). */
export async function unitNamesOn(
  db: Db,
  unitIds: string[],
  asOf: string,
): Promise<Map<string, { name: string; kind: string }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ unit_id: string; name: string; kind: string }>(
    db,
    sql`SELECT DISTINCT ON (v.unit_id) v.unit_id, v.name, v.kind FROM org_unit_version v
        WHERE v.unit_id IN (${sql.join(
          unitIds.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})
        ORDER BY v.unit_id, (${inForceOn('v', asOf)}) DESC, v.valid_from DESC NULLS LAST`,
  );
  return new Map(rows.map((r) => [r.unit_id, { name: r.name, kind: r.kind }]));
}
