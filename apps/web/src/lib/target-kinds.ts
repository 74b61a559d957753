import type { RecordType } from '@dx/domain';
import { useTranslation } from 'react-i18next';
import type { TargetEvaluation } from '../api/targets';

/** The record kind whose entry moves a target forward (the "act" button of "Việc của tôi"). */
export function actionKindOf(t: TargetEvaluation): RecordType {
  return t.actionRecord ?? 'publication';
}

/** The record kind listed behind a target's numbers. */
export function evidenceKindOf(t: TargetEvaluation): RecordType {
  return t.evidenceRecord ?? 'publication';
}

/** The target's formula in the reader's language (Vietnamese by default). */
export function useFormula(): (t: TargetEvaluation) => string | null {
  const { i18n } = useTranslation();
  const en = i18n.language?.startsWith('en');
  return (t) => (en ? (t.formulaEn ?? t.formula) : t.formula);
}
