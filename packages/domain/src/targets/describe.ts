import { formatDateVi } from '../dates';
import type { OrgUnitKind } from '../org-unit';
import type { TargetGoal } from '../plan/plan';
import type {
  ChannelKind,
  DxModelKind,
  EventKind,
  EventLevel,
  PersonRole,
  UnitPlanKind,
} from '../records/kinds';
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
const ROLE_LABELS: Record<PersonRole, string> = {
  reporter: 'phóng viên',
  editor: 'biên tập viên',
  grassroots_officer: 'cán bộ thông tin cơ sở',
};
const MODEL_LABELS: Record<DxModelKind, string> = {
  model: 'mô hình chuyển đổi số thành công',
  role_model: 'gương điển hình',
};
const EVENT_LABELS: Record<EventKind, string> = {
  contest: 'cuộc thi',
  workshop: 'hội thảo',
  extracurricular: 'buổi ngoại khóa',
  other: 'hoạt động khác',
};
const LEVEL_LABELS: Record<EventLevel, string> = {
  city: 'cấp thành phố',
  district: 'cấp huyện',
  unit: 'cấp đơn vị',
};
const PLAN_LABELS: Record<UnitPlanKind, string> = {
  communication_plan: 'kế hoạch truyền thông năm',
  dx_plan: 'kế hoạch chuyển đổi số có lồng ghép truyền thông',
  work_programme: 'chương trình công tác có lồng ghép truyền thông chuyển đổi số',
};

const list = (items: string[]) => items.join('; ');

/** "= 100%", "≥ 50%", "từ 1 đến 2". */
export function describeGoal(goal: TargetGoal): string {
  const u = goal.unit === 'percent' ? '%' : '';
  switch (goal.comparator) {
    case 'eq':
      return `= ${goal.value}${u}`;
    case 'gte':
      return `≥ ${goal.value}${u}`;
    case 'lte':
      return `≤ ${goal.value}${u}`;
    case 'between':
      return `từ ${goal.value} đến ${goal.max}${u}`;
  }
}

/** The formula of a target in words (Vietnamese), so every figure on the dashboard says how it was computed. */
export function describeTarget(d: TargetDefinition, period: ResolvedPeriod): string {
  const p = d.population;
  const c = d.condition;
  const span = `từ ${formatDateVi(period.from)} đến ${formatDateVi(period.to)}`;
  const at = d.asOf ? formatDateVi(d.asOf) : formatDateVi(period.to);
  let who: string;
  switch (p.record) {
    case 'unit':
      who = p.unitKinds?.length
        ? `đơn vị (${list(p.unitKinds.map((k) => UNIT_KIND_LABELS[k]))})`
        : `đơn vị thuộc nhóm "${p.unitGroupCode}"`;
      break;
    case 'channel':
      who = `kênh (${list(p.channelKinds.map((k) => CHANNEL_KIND_LABELS[k]))})`;
      break;
    case 'person':
      who = `người (${list(p.roles.map((r) => ROLE_LABELS[r]))})`;
      break;
    case 'dx_model':
      who = `${p.modelKinds.map((k) => MODEL_LABELS[k]).join(', ')} đã được công nhận`;
      break;
    case 'event':
      who = `${p.eventKinds.map((k) => EVENT_LABELS[k]).join(', ')} về chuyển đổi số${p.levels?.length ? ` ${p.levels.map((l) => LEVEL_LABELS[l]).join(', ')}` : ''}`;
      break;
  }
  let what: string;
  switch (c.type) {
    case 'accepted_unit_plan':
      what = `có ${c.planKinds.map((k) => PLAN_LABELS[k]).join(' hoặc ')} được Sở Thông tin và Truyền thông chấp nhận${c.includePredecessors ? ' (kể cả của đơn vị đã sáp nhập vào)' : ''}`;
      break;
    case 'dx_publication_each_quarter':
      what = 'có chuyên mục "Chuyển đổi số" và ít nhất 1 tin, bài về chuyển đổi số trong mỗi quý đã qua';
      break;
    case 'attended_training':
      what = `đã tham gia tập huấn "${c.tag === 'dx_writing' ? 'viết tin, bài về chuyển đổi số' : c.tag}"`;
      break;
    case 'featured_in_publication':
      what = `được ít nhất 1 tin, bài trên ${list(c.channelKinds.map((k) => CHANNEL_KIND_LABELS[k]))} giới thiệu`;
      break;
    case 'held_event':
      what = `tổ chức ít nhất 1 ${c.eventKinds.map((k) => EVENT_LABELS[k]).join(' hoặc ')} về chuyển đổi số`;
      break;
    case 'count':
      return `Giá trị = số ${who} tổ chức ${span}. Mục tiêu: ${describeGoal(d.goal)}.`;
  }
  return (
    `Tỷ lệ = số ${who} ${what} ${span} / tổng số ${who} tại ngày ${at} (không tính đối tượng chưa đến hạn). ` +
    `Mục tiêu: ${describeGoal(d.goal)}.`
  );
}
