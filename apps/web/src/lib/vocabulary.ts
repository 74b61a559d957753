import { inForceOn } from '@dx/domain';
import { useQuery } from '@tanstack/react-query';
import { fetchVocabularies, indicatorKeys, type Vocabulary } from '../api/indicators';
import { todayIso } from './dates';
import { useProvince } from './province';

/** [Vietnamese, English] */
type Words = [string, string];

/**
 * The chosen province's vocabularies (issue 16): the names of roles, training subjects … by code, and the terms in
 * force to pick from. While they load (or when a province has none) the screens keep their built-in names.
 */
export function useVocabulary() {
  const { provinceId } = useProvince();
  const q = useQuery({
    queryKey: indicatorKeys.vocabularies(provinceId ?? ''),
    queryFn: () => fetchVocabularies(provinceId!),
    enabled: !!provinceId,
    staleTime: 60_000,
  });
  const terms = q.data?.items ?? [];
  const today = todayIso();
  /** Every term's names by code (retired ones too: older records keep their label), over the built-in ones. */
  const words = (v: Vocabulary, builtIn: Record<string, Words> = {}): Record<string, Words> => ({
    ...builtIn,
    ...Object.fromEntries(
      terms
        .filter((t) => t.vocabulary === v)
        .map((t) => [t.code, [t.labelVi, t.labelEn || t.labelVi] as Words]),
    ),
  });
  /**
   * The terms in force today to pick from; the built-in list only when the province has never set this vocabulary —
   * the rule a record's write is checked by (packages/db vocabularyTermsInForce), so the form offers what the server
   * takes.
   */
  const options = (v: Vocabulary, builtIn: { value: string; label: Words }[] = []) => {
    const set = terms.filter((t) => t.vocabulary === v);
    return set.length
      ? set
          .filter((t) => inForceOn(t, today))
          .map((t) => ({ value: t.code, label: [t.labelVi, t.labelEn || t.labelVi] as Words }))
      : builtIn;
  };
  return { words, options };
}
