import { type CodeLabels, goalInWords, type ItemLabels, indicatorInWords } from '../indicators/words';
import type { OrgUnitKind } from '../org-unit';
import type { TargetGoal } from '../plan/plan';
import type { ChannelKind } from '../records/kinds';
import type { ResolvedPeriod, TargetDefinition } from './definition';

export const UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  province: 'UBND tỉnh, thành phố',
  department: 'sở, ban, ngành',
  district: 'quận, huyện',
  commune: 'xã, phường, thị trấn',
  press_agency: 'cơ quan báo chí',
  school: 'trường học',
  mass_organisation: 'tổ chức chính trị - xã hội, hội, đoàn thể',
  enterprise: 'doanh nghiệp',
  other: 'đơn vị khác',
};
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  newspaper: 'báo in',
  tv: 'truyền hình',
  radio: 'phát thanh',
  press_portal: 'báo điện tử',
  portal: 'cổng/trang thông tin điện tử',
  district_radio: 'hệ thống truyền thanh cấp huyện',
  commune_loudspeaker: 'loa truyền thanh cơ sở',
  zalo: 'Zalo OA',
  facebook: 'trang Facebook',
  youtube: 'kênh YouTube',
  other: 'kênh khác',
};
/** "= 100%", "≥ 50%", "từ 1 đến 2", "≥ 1.500 người" (indicators/words.ts goalInWords, in Vietnamese). */
export function describeGoal(goal: TargetGoal): string {
  return goalInWords(goal, 'vi');
}

/**
 * The formula of a target in words, Vietnamese and English, from the province's vocabulary labels and data item
 * names (codes never appear): the one place its wording comes from (indicators/words.ts indicatorInWords).
 */
export function describeTarget(
  d: TargetDefinition,
  o: { period: ResolvedPeriod; labels: CodeLabels; items?: ItemLabels },
): { vi: string; en: string } {
  // The population date the rule states (its as-of date, else the period end), not the day it is read on: the
  // dashboard and a report of any date show the same formula.
  return indicatorInWords(d, { ...o, asOf: d.asOf ?? o.period.to });
}
