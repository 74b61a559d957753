/** Vocabularies of the evidence records (docs/brief.md "Domain words"); the database checks the same lists. */

export const UNIT_PLAN_KINDS = ['communication_plan', 'dx_plan', 'work_programme'] as const;
export type UnitPlanKind = (typeof UNIT_PLAN_KINDS)[number];
export const UNIT_PLAN_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type UnitPlanStatus = (typeof UNIT_PLAN_STATUSES)[number];

export const CHANNEL_KINDS = [
  'newspaper',
  'tv',
  'radio',
  'press_portal', // báo điện tử / cổng của cơ quan báo chí
  'portal', // Cổng/Trang TTĐT of a government unit
  'district_radio', // hệ thống truyền thanh cấp huyện
  'commune_loudspeaker', // loa truyền thanh cơ sở
  'zalo',
  'facebook',
  'youtube',
  'other',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** Mass media (báo chí) as opposed to social networks: Plan 54 I.2.d counts features in mass media only. */
export const MASS_MEDIA_CHANNEL_KINDS = [
  'newspaper',
  'tv',
  'radio',
  'press_portal',
] as const satisfies readonly ChannelKind[];

export const PUBLICATION_FORMATS = ['article', 'report', 'video', 'radio', 'infographic', 'post'] as const;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];
export const PERSON_ROLES = ['reporter', 'editor', 'grassroots_officer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const EVENT_KINDS = ['contest', 'workshop', 'extracurricular', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_LEVELS = ['city', 'district', 'unit'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];
export const DX_MODEL_KINDS = ['model', 'role_model'] as const;
export type DxModelKind = (typeof DX_MODEL_KINDS)[number];
/** Training tags; 'dx_writing' = viết tin, bài về chuyển đổi số (Plan 54 I.2.c). */
export const TRAINING_TAGS = ['dx_writing', 'dx_general', 'other'] as const;

/**
 * The list filters that apply to each kind beyond unit and period (issue 12: a list filters what it says it filters).
 * A publication is about themes and runs on a channel; an event is about themes. A filter asked of a kind it does not
 * apply to is refused, never ignored.
 */
export const RECORD_LIST_FILTERS = {
  publication: ['themeId', 'channelId'],
  event: ['themeId'],
  // Channels with a DX section or not (plan 54 I.2.b counts the channels that have one; issue 19: the list shows them first).
  channel: ['dx'],
} as const satisfies Partial<Record<string, readonly ('themeId' | 'channelId' | 'dx')[]>>;
export type RecordListFilterName = 'themeId' | 'channelId' | 'dx';
export const recordListFiltersOf = (type: string): readonly RecordListFilterName[] =>
  (RECORD_LIST_FILTERS as Record<string, readonly RecordListFilterName[]>)[type] ?? [];
