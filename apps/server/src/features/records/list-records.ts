import { listRecords as queryRecords } from '@dx/db';
import {
  localDateOf,
  type RecordType,
  recordListFiltersOf,
  recordReadPermission,
  said,
  validationError,
  worded,
} from '@dx/domain';
import { authorizeProvince, authorizeUnit, readableIn, type UseCaseContext } from '../../use-case/context';

/**
 * Records of a province, or of one unit; with `includeBelow`, of the unit and every unit below it in the org-unit
 * tree as of `asOf` (a district officer's view takes in its communes), with the records of the units merged into them
 * by then (succession roll-up). Everyone in the province reads them (figures link to their records), except a unit
 * officer: its own subtree's only.
 */
export async function listRecords({
  ctx,
  type,
  provinceId,
  unitId,
  includeBelow = false,
  from,
  to,
  asOf,
  themeId,
  channelId,
  dx,
  limit,
  offset,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  provinceId: string;
  unitId?: string;
  includeBelow?: boolean;
  from?: string;
  to?: string;
  /** With includeBelow: the tree (and the units merged into it) as of this day; omitted = today. */
  asOf?: string;
  themeId?: string;
  channelId?: string;
  dx?: boolean;
  limit: number;
  offset: number;
}) {
  // A filter this kind has no field for is refused, not ignored (a list that says "theme X" must mean it).
  const applies = recordListFiltersOf(type);
  const misplaced = (['themeId', 'channelId', 'dx'] as const).filter(
    (name) => ({ themeId, channelId, dx })[name] !== undefined && !applies.includes(name),
  );
  if (misplaced.length)
    throw validationError(
      said('record.filterNotApplicable'),
      misplaced.map((name) => ({
        path: ['querystring', name],
        ...worded(
          name === 'themeId'
            ? 'record.themeFilterKinds'
            : name === 'dx'
              ? 'record.dxFilterKinds'
              : 'record.channelFilterKinds',
        ),
      })),
    );
  authorizeProvince(ctx, 'record.read', provinceId);
  // A unit officer reads its own subtree's records only (docs/security.md "Scope of reading").
  // People's records carry personal data: within the subtree for every role but the DX office and administrators.
  const reading = recordReadPermission(type);
  if (unitId) await authorizeUnit(ctx, reading, unitId);
  return queryRecords(ctx.db, type, {
    provinceId,
    readable: readableIn(ctx, reading, provinceId),
    unitIds: unitId && !includeBelow ? [unitId] : undefined,
    subtreeOf: unitId && includeBelow ? { unitId, asOf: asOf ?? localDateOf(ctx.now) } : undefined,
    from,
    to,
    themeId,
    channelId,
    dx,
    limit,
    offset,
  });
}
