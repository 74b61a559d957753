import {
  evaluationDatesAsOf,
  PLAN_54_TARGET_DEFINITIONS,
  type TargetDefinition,
  targetDefinition,
} from '@dx/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../client';
import { applyBase, baseActionArbitraries, dayArbitrary, newWorld } from '../test-support/world';
import { createTestDatabase } from '../testing';
import { evaluateTargetFacts } from './targets';

/*
 * "Nothing recorded after D, and no reorganisation dated after D, changes a figure as of D" (issue 11), checked
 * over random sequences of dated records and reorganisations (merges, splits with either choice of where the
 * records go, new units) on a small province: figures as of D are taken with only what existed by D, then again
 * after everything later has been added.
 */

let handle: DatabaseHandle;
let db: Db;
beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e'] as const;
const defs: Record<string, TargetDefinition> = Object.fromEntries(
  LETTERS.map((l) => [l, targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS[l])]),
);

/** Days from 01/01/2023 to 31/12/2025 as yyyy-mm-dd. */
const dayArb = dayArbitrary('2023-01-01', 3 * 365);
const actionArb = fc.oneof(...baseActionArbitraries(dayArb));

/** Every target's totals, breakdowns and listed subjects as of D (the evidence records are not compared). */
async function figuresAsOf(P: string, D: string) {
  const out: unknown[] = [];
  for (const letter of LETTERS) {
    const definition = defs[letter]!;
    const dates = evaluationDatesAsOf({
      definition,
      planYear: Number(D.slice(0, 4)),
      today: '2030-01-01',
      asOf: D,
    });
    const f = await evaluateTargetFacts(db, { definition, ...dates, provinceIds: [P], behindLimit: 1000 });
    out.push({
      letter,
      population: f.population,
      due: f.due,
      achieved: f.achieved,
      byDistrict: f.byDistrict,
      byKind: f.byKind,
      behind: f.subjects.map((s) => [s.subjectId, s.unitId, s.districtId, s.achieved]),
      behindCount: f.behindCount,
    });
  }
  return out;
}

describe('a figure as of D never changes when something dated after D is added', () => {
  it('holds over random records and reorganisations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 5, maxLength: 25 }), dayArb, async (actions, D) => {
        const w = await newWorld(db);
        const sorted = [...actions].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
        // Up to D, in date order; then everything dated later.
        for (const a of sorted.filter((x) => x.date <= D)) await applyBase(db, w, a);
        const before = await figuresAsOf(w.P, D);
        for (const a of sorted.filter((x) => x.date > D)) await applyBase(db, w, a);
        expect(await figuresAsOf(w.P, D)).toEqual(before);
      }),
      { numRuns: 12, seed: 20251101 },
    );
  }, 600_000);
});
