import { unitNameOn } from '@dx/db';
import {
  consolidatedSettingsOf,
  type DashboardPrintTarget,
  dashboardFileName,
  formatDateVi,
  layoutDashboardPrint,
  localDateOf,
  type OrgUnitKind,
  SUBJECT_STATE_LABELS_VI,
  type SubjectState,
  TARGET_STATUS_LABELS_VI,
  UNIT_KIND_LABELS,
} from '@dx/domain';
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../../use-case/context';
import { provinceSettingsInForce } from '../provinces/settings-in-force';
import { renderConsolidatedPdf } from '../reports/consolidated/consolidated-pdf';
import { evaluatePlanTargets } from './evaluate-plan-targets';
import { getTargetSubjects } from './list-target-subjects';
import { presentEvaluation, presentSubject } from './targets.presenter';

/*
 * The targets dashboard exported (issue 19): XLSX with every breakdown and a PDF in the Decree 30 frame, and a target's
 * whole list of who is behind as XLSX — the same live figures as GET …/targets/evaluation and …/subjects, with the
 * as-of date and the formula written on the page.
 */

export type ExportedFile = { fileName: string; bytes: Buffer };

/** Subjects above every district (departments, and every unit since districts ended on 01/07/2025). */
const CITY_LEVEL = 'Cấp tỉnh';
const UNKNOWN_KIND = 'Không xác định';

const isCountOf = (t: Pick<ReturnType<typeof presentEvaluation>, 'valueType'>) =>
  t.valueType !== null && !['share', 'ratio'].includes(t.valueType);

/** The figures of every target as they stood at the close of `asOf` (omitted: today). */
async function dashboardData(ctx: UseCaseContext, planId: string, asOf: string | undefined) {
  const { plan, evaluations } = await evaluatePlanTargets({ ctx, planId, asOf, behindLimit: 0 });
  // The API leaves these rows unnamed for the web to word (issue 18); a file names them in Vietnamese.
  const targets = evaluations.map(presentEvaluation).map((t) => ({
    ...t,
    byDistrict: t.byDistrict.map((r) => ({ ...r, name: r.name ?? CITY_LEVEL })),
    byKind: t.byKind.map((r) => ({
      ...r,
      name: (r.key && UNIT_KIND_LABELS[r.key as OrgUnitKind]) || UNKNOWN_KIND,
    })),
  }));
  return { plan, targets, asOfDate: asOf ?? localDateOf(ctx.now) };
}

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
};
/** Numbers of percent targets are written as numbers with one decimal; the unit goes in its own column. */
const PERCENT = '0.0';

/** The dashboard as XLSX: the targets (value, goal, status, counts, period, formula), then each breakdown. */
export async function exportDashboardXlsx({
  ctx,
  planId,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  asOf?: string;
}): Promise<ExportedFile> {
  const { plan, targets, asOfDate } = await dashboardData(ctx, planId, asOf);
  const planName = `Kế hoạch${plan.code ? ` số ${plan.code}` : ''}: ${plan.title}`;
  const stamp = `Số liệu tính đến hết ngày ${formatDateVi(asOfDate)}, tính trực tiếp từ hồ sơ các đơn vị; xuất ngày ${formatDateVi(localDateOf(ctx.now))}.`;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dx-comms';

  const sheet = (name: string, title: string, header: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 4 }] });
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow([planName]);
    ws.addRow([stamp]).font = { italic: true };
    bold(ws.addRow(header));
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    return ws;
  };

  const main = sheet(
    'Chỉ tiêu',
    'BẢNG THEO DÕI CHỈ TIÊU',
    [
      'Mã',
      'Chỉ tiêu',
      'Kết quả',
      'Đơn vị',
      'Mục tiêu',
      'Đánh giá',
      'Tổng số',
      'Phải đạt',
      'Đã đạt',
      'Chưa đến hạn',
      'Kỳ đánh giá từ',
      'đến',
      'Cách tính',
    ],
    [8, 50, 10, 8, 12, 18, 10, 10, 10, 12, 13, 13, 70],
  );
  for (const t of targets) {
    const count = isCountOf(t);
    const row = main.addRow([
      t.code,
      t.text,
      t.value,
      t.value === null ? '' : count ? '' : '%',
      t.goalText,
      TARGET_STATUS_LABELS_VI[t.status],
      t.population,
      t.due,
      t.achieved,
      t.notApplicable,
      t.period ? formatDateVi(t.period.from) : '',
      t.period ? formatDateVi(t.period.to) : '',
      t.formula ?? 'Chưa định nghĩa cách tính',
    ]);
    if (!count) row.getCell(3).numFmt = PERCENT;
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  for (const [name, title, first, pick] of [
    ['Theo quận, huyện', 'CHỈ TIÊU THEO QUẬN, HUYỆN', 'Quận, huyện', 'byDistrict'],
    ['Theo loại đơn vị', 'CHỈ TIÊU THEO LOẠI ĐƠN VỊ', 'Loại đơn vị', 'byKind'],
  ] as const) {
    const ws = sheet(
      name,
      title,
      ['Mã', 'Chỉ tiêu', first, 'Tổng số', 'Phải đạt', 'Đã đạt', 'Kết quả', 'Đơn vị'],
      [8, 50, 30, 10, 10, 10, 10, 8],
    );
    for (const t of targets) {
      const count = isCountOf(t);
      for (const r of t[pick]) {
        const value = count ? r.achieved : r.value;
        const row = ws.addRow([
          t.code,
          t.text,
          r.name,
          r.population,
          r.due,
          r.achieved,
          value,
          value === null || count ? '' : '%',
        ]);
        if (!count) row.getCell(7).numFmt = PERCENT;
        row.alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
  return {
    fileName: `${dashboardFileName(plan.code, asOfDate)}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** The dashboard printed as a "Báo cáo" in the Decree 30 frame (packages/domain dashboard-print.ts). */
export async function exportDashboardPdf({
  ctx,
  planId,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  asOf?: string;
}): Promise<ExportedFile> {
  const { plan, targets, asOfDate } = await dashboardData(ctx, planId, asOf);
  const today = localDateOf(ctx.now);
  const provinceName = (await unitNameOn(ctx.db, plan.provinceId, today)) ?? '';
  const settings = consolidatedSettingsOf(
    await provinceSettingsInForce(ctx.db, plan.provinceId, today),
    provinceName,
  );
  const layout = layoutDashboardPrint({
    provinceName,
    plan: { number: plan.code, title: plan.title },
    date: today,
    asOf: asOfDate,
    settings,
    targets: targets.map(
      (t): DashboardPrintTarget => ({
        planTargetId: t.planTargetId,
        code: t.code,
        text: t.text,
        goalText: t.goalText,
        isCount: isCountOf(t),
        value: t.value,
        status: t.status,
        formula: t.formula,
        population: t.population,
        due: t.due,
        achieved: t.achieved,
        period: t.period,
        byDistrict: t.byDistrict,
        byKind: t.byKind,
      }),
    ),
  });
  return {
    fileName: `${dashboardFileName(plan.code, asOfDate)}.pdf`,
    bytes: await renderConsolidatedPdf(layout),
  };
}

/** Most subjects one list exports (a province's people or publications run to tens of thousands). */
const MAX_ROWS = 100_000;
const PAGE = 5_000;

/** A target's whole list of subjects in one state (who is behind, by default) as XLSX, with the formula on top. */
export async function exportTargetSubjectsXlsx({
  ctx,
  planId,
  planTargetId,
  state,
  filter,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  planTargetId: string;
  state: SubjectState;
  filter: { unitId?: string; districtId?: string | null; unitKind?: string | null };
  asOf?: string;
}): Promise<ExportedFile> {
  const { plan, targets, asOfDate } = await dashboardData(ctx, planId, asOf);
  const target = targets.find((t) => t.planTargetId === planTargetId);
  const rows: ReturnType<typeof presentSubject>[] = [];
  for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
    const page = await getTargetSubjects({
      ctx,
      planId,
      planTargetId,
      filter: { state, ...filter },
      page: { offset, limit: PAGE },
      asOf,
    });
    rows.push(...page.items.map((s) => presentSubject(s, page.subjectType)));
    if (page.items.length < PAGE) break;
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dx-comms';
  const ws = wb.addWorksheet(SUBJECT_STATE_LABELS_VI[state].slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 6 }],
  });
  ws.addRow([
    `${SUBJECT_STATE_LABELS_VI[state].toLocaleUpperCase('vi')} — CHỈ TIÊU ${target?.code ?? ''}`,
  ]).font = { bold: true, size: 13 };
  ws.addRow([`${target?.text ?? ''} (mục tiêu ${target?.goalText ?? ''})`]);
  ws.addRow([`Kế hoạch${plan.code ? ` số ${plan.code}` : ''}: ${plan.title}`]);
  ws.addRow([
    `Số liệu tính đến hết ngày ${formatDateVi(asOfDate)}; xuất ngày ${formatDateVi(localDateOf(ctx.now))}; ${rows.length} dòng.`,
  ]).font = { italic: true };
  ws.addRow([`Cách tính: ${target?.formula ?? 'chưa định nghĩa cách tính'}`]);
  bold(
    ws.addRow(['STT', 'Đối tượng', 'Đơn vị', 'Loại đơn vị', 'Quận, huyện', 'Phải đạt', 'Đã đạt', 'Căn cứ']),
  );
  [6, 45, 35, 18, 22, 10, 10, 60].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  rows.forEach((s, i) => {
    const evidence = (s.evidence?.records ?? []).map((r) => r.label).join('; ');
    ws.addRow([
      i + 1,
      s.label,
      s.unitName ?? '',
      s.unitKind ? (UNIT_KIND_LABELS[s.unitKind] ?? s.unitKind) : '',
      s.districtName ?? CITY_LEVEL,
      s.due ? 'Có' : 'Không',
      s.achieved ? 'Có' : 'Không',
      evidence,
    ]).alignment = { wrapText: true, vertical: 'top' };
  });
  return {
    fileName: `${dashboardFileName(plan.code, asOfDate)}-${target?.code ?? 'chi-tieu'}-${state}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
