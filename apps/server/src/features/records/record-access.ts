import { getRecord, getUnitScope, idsInProvince, vocabularyTermsInForce } from '@dx/db';
import {
  AppError,
  type FieldIssue,
  isAllowed,
  localDateOf,
  type MessageCode,
  RECORD_VOCABULARY_FIELDS,
  type RecordInput,
  type RecordType,
  said,
  unknownVocabularyCodes,
  type Vocabulary,
  worded,
} from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';

const forbidden = () => new AppError('AUTH.FORBIDDEN', said('access.ownUnitsOnly'));

/**
 * A unit officer writes records for its own unit and the units below it; the DX office (and administrators)
 * for the whole province. Returns the unit's province.
 */
export async function authorizeRecordWrite(
  ctx: UseCaseContext,
  unitId: string,
  field: string,
): Promise<string> {
  const scope = await getUnitScope(ctx.db, unitId, localDateOf(ctx.now));
  if (!scope) {
    throw new AppError('VALIDATION.FAILED', said('unit.missing'), {
      issues: [{ path: ['body', field], ...worded('unit.notFound') }],
    });
  }
  const grants = ctx.actor.grants;
  if (!isAllowed(grants, 'record.write', scope) && !isAllowed(grants, 'record.write_any', scope))
    throw forbidden();
  return scope.provinceId;
}

/** The unit a record belongs to, and the input field that names it. */
export async function ownerOf<K extends RecordType>(
  ctx: UseCaseContext,
  type: K,
  input: RecordInput<K>,
): Promise<{ unitId: string; field: string }> {
  const i = input as Record<string, unknown>;
  switch (type) {
    case 'channel':
      return { unitId: i.ownerUnitId as string, field: 'ownerUnitId' };
    case 'training':
    case 'event':
      return { unitId: i.organiserUnitId as string, field: 'organiserUnitId' };
    case 'publication': {
      // A publication belongs to its channel's owner.
      const ch = await getRecord(ctx.db, 'channel', i.channelId as string);
      if (!ch) {
        throw new AppError('VALIDATION.FAILED', said('channel.missing'), {
          issues: [{ path: ['body', 'channelId'], ...worded('channel.notFound') }],
        });
      }
      return { unitId: ch.ownerUnitId as string, field: 'channelId' };
    }
    default:
      return { unitId: i.unitId as string, field: 'unitId' };
  }
}

const VOCABULARY_MESSAGES: Record<Vocabulary, MessageCode> = {
  person_role: 'record.roleNotInVocabulary',
  training_tag: 'record.trainingTagNotInVocabulary',
  event_kind: 'record.eventKindNotInVocabulary',
  event_level: 'record.eventLevelNotInVocabulary',
  model_kind: 'record.modelKindNotInVocabulary',
  channel_kind: 'record.channelKindNotInVocabulary',
};

/** References (themes, models, attendees) must be records of the same province. */
export async function checkReferences(
  ctx: UseCaseContext,
  type: RecordType,
  input: Record<string, unknown>,
  provinceId: string,
  /** The record as stored, on an update (a retired term it already holds may stay). */
  stored?: Record<string, unknown>,
) {
  const checks: [string, 'plan_theme' | 'dx_model' | 'person', string][] = [];
  if (type === 'publication' || type === 'event')
    checks.push(['themeIds', 'plan_theme', 'Chủ đề không thuộc kế hoạch của tỉnh']);
  if (type === 'publication') checks.push(['modelIds', 'dx_model', 'Mô hình không tồn tại']);
  if (type === 'training') checks.push(['attendeeIds', 'person', 'Người tham dự không tồn tại']);
  const issues: FieldIssue[] = [];
  for (const [field, table, message] of checks) {
    const ids = (input[field] as string[]) ?? [];
    const found = await idsInProvince(ctx.db, table, ids, provinceId);
    ids.forEach((id, i) => {
      if (!found.has(id)) issues.push({ path: ['body', field, i], message });
    });
  }
  // Roles, training tags, channel, model and event kinds and levels are codes of the province's vocabularies in
  // force (issue 16: a province sets its own); a vocabulary it has not set takes the platform's defaults.
  if (type in RECORD_VOCABULARY_FIELDS) {
    const inForce = await vocabularyTermsInForce(ctx.db, provinceId, localDateOf(ctx.now));
    const byVocabulary = Object.fromEntries(
      Object.entries(inForce).map(([v, terms]) => [v, terms.map((t) => t.code)]),
    ) as Partial<Record<Vocabulary, string[]>>;
    for (const u of unknownVocabularyCodes(type, input, byVocabulary, stored))
      issues.push({ path: ['body', ...u.path], ...worded(VOCABULARY_MESSAGES[u.vocabulary]) });
  }
  if (issues.length) throw new AppError('VALIDATION.FAILED', said('record.badReferences'), { issues });
}

/** Column values from an input: link lists are stored in their own tables. */
export function columnsOf(input: Record<string, unknown>): Record<string, unknown> {
  const { themeIds: _t, modelIds: _m, attendeeIds: _a, ...columns } = input;
  return columns;
}

export function linksOf(input: Record<string, unknown>) {
  return {
    themeIds: (input.themeIds as string[] | undefined) ?? [],
    modelIds: (input.modelIds as string[] | undefined) ?? [],
    attendeeIds: [...new Set((input.attendeeIds as string[] | undefined) ?? [])],
  };
}

export const recordNotFound = (type: RecordType, id: string) =>
  new AppError('RECORD.NOT_FOUND', said('record.notFound'), { type, id });
