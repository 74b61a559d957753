import { findPlanByCode, schema, seedPlans } from '@dx/db';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/** GET /plans/:id/export.docx|pdf prints the plan's appendix of tasks (Phụ lục) once the plan has tasks. */
describe('plan export with its appendix of tasks', () => {
  let t: TestApp;
  let viewer: Session;
  let planId: string;
  const docxXml = async (bytes: Buffer) =>
    (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date('2023-03-01T03:00:00Z') });
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    await seedPlans(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
  }, 120_000);
  afterAll(async () => t?.close());

  it('no tasks: no appendix; with tasks: a landscape section with the group row and the task', async () => {
    const before = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/export.docx` });
    expect(before.statusCode).toBe(200);
    expect(await docxXml(before.rawPayload)).not.toContain('DANH MỤC NHIỆM VỤ');

    await t.handle.db.insert(schema.task).values({
      planId,
      provinceId: t.hp,
      position: 1,
      section: 'I. Tuyên truyền trên báo chí',
      stt: '1',
      title: 'Mở chuyên mục Chuyển đổi số trên báo',
      leadText: 'Sở Thông tin và Truyền thông',
      coordinatorText: 'Báo Hải Phòng',
      timeFrameText: 'Quý I/2023',
      timeFrameKind: 'deadline',
      dueDate: '2023-03-31',
      output: 'Chuyên mục hằng tuần',
    });
    const after = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/export.docx` });
    const xml = await docxXml(after.rawPayload);
    for (const text of [
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ',
      'I. Tuyên truyền trên báo chí',
      'Mở chuyên mục Chuyển đổi số trên báo',
      'Chuyên mục hằng tuần',
    ])
      expect(xml, text).toContain(text);
    expect(xml).toContain('w:orient="landscape"');
    const pdf = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/export.pdf` });
    expect(pdf.statusCode).toBe(200);
    // The last page is landscape (pdfmake writes each page's MediaBox; A4 landscape is 841.89 x 595.28).
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.2\d*\]/);
  });
});
