import { readFileSync } from 'node:fs';
import { insertPlanImport } from '@dx/db';
import { parsePlanText } from '@dx/domain';
import { count, type Fixture, groupWriter, type RouteCase } from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for importing plan documents (issue 17). */

const FIXTURES = new URL('../../../../../packages/domain/test-data/plan-import/', import.meta.url);
const programme = readFileSync(new URL('programme-2022-2025.txt', FIXTURES), 'utf8');
let numbered = 0;
/** The fixture's draft under a number of its own: a number is unique per issuer and year (PLAN.DUPLICATE_NUMBER), and the matrix confirms many drafts. */
const programmeDraft = () => {
  const parsed = parsePlanText(programme);
  if (!parsed.ok) throw new Error(parsed.message);
  numbered += 1;
  return { ...parsed.draft, document: { ...parsed.draft.document, number: `${900 + numbered}/CTr-UBND` } };
};

/** A draft of the matrix's province, stored directly. */
const freshDraft = async (f: Fixture, draft = programmeDraft()) =>
  insertPlanImport(f.t.handle.db, {
    provinceId: f.t.hp,
    uploadedBy: f.sysAdmin.userId,
    fileName: 'chuong-trinh.txt',
    source: 'text',
    sourceText: programme,
    draft,
  });
const readable = new WeakMap<Fixture, Promise<string>>();
const readableDraft = (f: Fixture) => {
  if (!readable.has(f))
    readable.set(
      f,
      freshDraft(f).then((r) => r.id),
    );
  return readable.get(f)!;
};

export const PLAN_IMPORT_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/plans/imports',
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/plans/imports',
      payload: { provinceId: f.t.hp, text: programme, fileName: 'chuong-trinh.txt' },
    }),
    snapshot: async (f) => count(f, 'plan_import_draft'),
    audits: 'plan_import.create',
  },
  {
    method: 'GET',
    route: '/api/plans/imports/:importId',
    access: groupWriter,
    ok: 200,
    request: async (f) => ({ method: 'GET', url: `/api/plans/imports/${await readableDraft(f)}` }),
  },
  {
    method: 'POST',
    route: '/api/plans/imports/:importId/confirm',
    access: groupWriter,
    ok: 201,
    request: async (f) => {
      const draft = programmeDraft();
      return {
        method: 'POST',
        url: `/api/plans/imports/${(await freshDraft(f, draft)).id}/confirm`,
        payload: { document: draft.document },
      };
    },
    snapshot: async (f) => [await count(f, 'plan'), await count(f, 'plan_revision')],
    audits: 'plan_import.confirm',
  },
];
