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
  /** The terms in force to pick from; the built-in list when the province has none. */
  const options = (v: Vocabulary, builtIn: { value: string; label: Words }[] = []) => {
    const own = terms.filter((t) => t.vocabulary === v && (!t.validTo || t.validTo > today));
    return own.length
      ? own.map((t) => ({ value: t.code, label: [t.labelVi, t.labelEn || t.labelVi] as Words }))
      : builtIn;
  };
  return { words, options };
}
