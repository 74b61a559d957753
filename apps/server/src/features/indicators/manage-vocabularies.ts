import { listVocabularyTerms, upsertVocabularyTerms, type VocabularyTermInput } from '@dx/db';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../use-case/context';

/** A province's vocabularies (person roles, training tags, event kinds and levels, model and channel kinds). */
export async function getVocabularies({
  ctx,
  provinceId,
  asOf,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  asOf?: string;
}) {
  authorizeProvince(ctx, 'plan.read', provinceId);
  return listVocabularyTerms(ctx.db, provinceId, asOf);
}

/**
 * Adds or edits terms of a province's vocabularies (issue 16). Reference data of the province like its unit groups,
 * so the same people edit it; a term is never deleted (retire it with validTo: older records keep their label).
 */
export async function putVocabularies({
  ctx,
  provinceId,
  terms,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  terms: VocabularyTermInput[];
}) {
  authorizeProvince(ctx, 'unit_group.write', provinceId);
  return inTransaction(ctx, async (tx) => {
    const before = await listVocabularyTerms(tx, provinceId);
    const written = await upsertVocabularyTerms(tx, provinceId, terms);
    const after = await listVocabularyTerms(tx, provinceId);
    if (written > 0)
      await audit(tx, ctx, {
        action: 'vocabulary.update',
        entityType: 'vocabulary',
        entityId: null,
        provinceId,
        before,
        after,
      });
    return after;
  });
}
