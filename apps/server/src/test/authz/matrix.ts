import { queryRows } from '@dx/db';
import type { RecordType, Role } from '@dx/domain';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { Session, TestApp } from '../harness';

/**
 * The authorization matrix's vocabulary (authorization.test.ts): who calls, from where, and what one route row says.
 * Features add their rows in their own `*.authz-cases.ts` file, listed in authorization.test.ts.
 */

/** Where a grant sits relative to the targets (district D1 and commune C below it, in Hải Phòng). */
export type Scope = 'province' | 'unit' | 'sibling' | 'other_province';
export const SCOPES: Scope[] = ['province', 'unit', 'sibling', 'other_province'];
export type Who = { role: Role; scope: Scope | 'global' };

export type Fixture = {
  t: TestApp;
  sysAdmin: Session;
  d1: string;
  d2: string;
  commune: string;
  communeVersionId: string;
  group: string;
  targetUser: string;
  plan: string;
  planRevision: number;
  /** A task of the plan led by the commune, and an evidence file on it. */
  task: string;
  taskPart: string;
  taskAttachment: string;
  sessions: Map<string, Session>;
  /** Evidence records and plan 54's targets (setUpEvidence). */
  ev: Evidence;
  usernames: Map<string, string>;
};
export const key = (w: Who) => `${w.role}@${w.scope}`;

export type Request = Pick<InjectOptions, 'method' | 'payload'> & { url: string };
export type Access = 'public' | 'self' | ((w: Who) => boolean);

export type RouteCase = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as Fastify registered it. */
  route: string;
  /** Who may call it. */
  access: Access;
  /** Status when allowed. */
  ok: number;
  /** Builds the request (fresh targets for writes). */
  request: (f: Fixture, w: Who | null) => Promise<Request> | Request;
  /** State a refused write must leave untouched. */
  snapshot?: (f: Fixture, req: Request) => Promise<unknown>;
  /** Audit action an allowed write records. */
  audits?: string | ((w: Who) => string | undefined);
  /** Extra checks on an allowed response (e.g. lists filtered to the caller's provinces). */
  check?: (f: Fixture, w: Who, body: unknown) => void;
};

export const inProvince = (w: Who) => w.scope !== 'other_province';
export const inSubtree = (w: Who) => w.scope === 'global' || w.scope === 'province' || w.scope === 'unit';
/**
 * Reading one evidence record or file, budget estimate or attachment, unit report, obstacle, or a unit's notifications
 * (docs/security.md "Scope of reading"): a unit officer within its own subtree, every other role province-wide.
 */
export const itemReader = (w: Who) => (w.role === 'unit_officer' ? inSubtree(w) : inProvince(w));
/** Reading people's names, phones, e-mails: the DX office and administrators province-wide, everyone else in the subtree. */
export const personReader = (w: Who) =>
  w.role === 'dx_office' || w.role === 'administrator' ? inProvince(w) : inSubtree(w);
export const isAdmin = (w: Who) => w.role === 'administrator';
export const adminInSubtree = (w: Who) => isAdmin(w) && inSubtree(w);
export const groupWriter = (w: Who) =>
  (w.role === 'administrator' || w.role === 'dx_office') && inProvince(w);

let seq = 0;
export const next = () => `${++seq}${process.pid}`;
export const count = async (f: Fixture, table: string) =>
  Number(
    (await queryRows<{ n: string }>(f.t.handle.db, sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n,
  );
export const idOf = (url: string) => url.split('?')[0]!.split('/').at(-1)!;

/** Evidence records and live targets: one record of each type owned by the commune below D1; plan 54 with its rules. */
export type Evidence = {
  records: Record<RecordType, string>;
  plan: string;
  planTarget: string;
  theme: string;
};
