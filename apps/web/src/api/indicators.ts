import type {
  DefineTargetBody,
  IndicatorPreviewBody,
  IndicatorPreviewOut,
  TargetDefinitionOut,
  VocabulariesBody,
  VocabularyListOut,
  VocabularyTermOut,
} from '@dx/contracts';
import { api, get, post } from '../lib/api';

/*
 * The general indicator engine (issue 16): a province's vocabularies, a target's rule, and the live preview of an
 * unsaved rule (apps/server/src/features/indicators/indicators.routes.ts, targets.routes.ts). Shapes are the
 * contract's (packages/contracts/src/indicators.ts, targets.ts).
 */

export type VocabularyTerm = VocabularyTermOut;
export type Vocabulary = VocabularyTermOut['vocabulary'];
export type VocabularyTermInput = VocabulariesBody['terms'][number];
/** A rule as the editor builds it (the preview's body: the parts and the goal). */
export type RuleDraft = IndicatorPreviewBody['rule'];
export type IndicatorPreview = IndicatorPreviewOut;
export type TargetDefinition = TargetDefinitionOut;
export type TargetRuleBody = DefineTargetBody['rule'];

export const indicatorKeys = {
  vocabularies: (provinceId: string) => ['vocabularies', provinceId] as const,
  definition: (planId: string, planTargetId: string) =>
    ['targets', 'definition', planId, planTargetId] as const,
};

export const fetchVocabularies = (provinceId: string) =>
  get<VocabularyListOut>('/vocabularies', { provinceId });
export const saveVocabularies = (provinceId: string, terms: VocabularyTermInput[]) =>
  api<VocabularyListOut>('PUT', '/vocabularies', { provinceId, terms } satisfies VocabulariesBody);

export const fetchDefinition = (planId: string, planTargetId: string) =>
  get<TargetDefinitionOut>(`/plans/${planId}/targets/${planTargetId}/definition`);
export const saveDefinition = (planId: string, planTargetId: string, body: DefineTargetBody) =>
  api<TargetDefinitionOut>('PUT', `/plans/${planId}/targets/${planTargetId}/definition`, body);

/** Evaluates an unsaved rule now; planTargetId lets the server compare it with the target's stated subject. */
export const previewRule = (planId: string, body: IndicatorPreviewBody) =>
  post<IndicatorPreviewOut>(`/plans/${planId}/indicators/preview`, body);
