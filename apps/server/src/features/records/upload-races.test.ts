import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_CONCURRENCY } from '../../lib/tabular';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/*
 * Caps and de-duplication hold under parallel requests (issue 14 "Races"): they are enforced under a database lock,
 * not by check-then-insert. Meaningful on PostgreSQL (DATABASE_URL), where requests run on separate connections.
 */

let t: TestApp;
let officers: Session[];
let haiAn: string;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
  haiAn = await seededUnit(t, 'Quận Hải An', { asOf: '2023-10-15' });
  officers = [];
  for (let i = 0; i < 5; i++) officers.push(await t.userWith([{ role: 'unit_officer', unitId: haiAn }]));
});
afterAll(async () => t?.close());

describe('parallel uploads and imports', () => {
  it('20 parallel uploads never put more than 10 files on a record', async () => {
    const plan = await t.call(officers[0]!, {
      method: 'POST',
      url: '/api/unit-plans',
      payload: {
        unitId: haiAn,
        year: 2023,
        kind: 'communication_plan',
        documentNumber: '77/KH-UBND',
        documentDate: '2023-02-20',
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const id = plan.json().id;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.call(officers[i % 5]!, {
          method: 'POST',
          url: `/api/unit-plans/${id}/files`,
          payload: {
            fileName: `tep-${i}.pdf`,
            contentBase64: Buffer.from(`%PDF-1.4 tệp ${i}`).toString('base64'),
          },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 400)).toHaveLength(10);
    expect(results.find((r) => r.statusCode === 400)!.json().error.details.issues[0].message).toBe(
      'Mỗi hồ sơ đính kèm tối đa 10 tệp',
    );
    const [stored] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM record_file WHERE record_id = ${id}`,
    );
    expect(stored!.n).toBe(10);
  });

  it('the same import confirmed 5 times at once saves its rows once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Người làm tin');
    ws.addRow(['Đơn vị', 'Họ và tên', 'Vai trò', 'Thư điện tử', 'Điện thoại']);
    for (let i = 0; i < 50; i++) ws.addRow(['Quận Hải An', `Người thử ${i}`, 'phóng viên', '', '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = { ...IMPORT_CONCURRENCY };
    IMPORT_CONCURRENCY.overall = 5; // let all five reach the database together
    try {
      const results = await Promise.all(
        officers.map((s) =>
          t.call(s, {
            method: 'POST',
            url: '/api/imports/people',
            payload: { provinceId: t.hp, fileName: 'nguoi.xlsx', contentBase64: content, confirm: true },
          }),
        ),
      );
      for (const r of results) expect(r.statusCode, r.body).toBe(200);
      const saved = results.map((r) => r.json().saved).sort();
      expect(saved).toEqual([0, 0, 0, 0, 50]);
    } finally {
      Object.assign(IMPORT_CONCURRENCY, before);
    }
    const [stored] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM person WHERE full_name LIKE 'Người thử %'`,
    );
    expect(stored!.n).toBe(50);
  });

  it('the import route refuses an executable renamed .xlsx', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000)]).toString('base64');
    const r = await t.call(officers[0]!, {
      method: 'POST',
      url: '/api/imports/people',
      payload: { provinceId: t.hp, fileName: 'nguoi.xlsx', contentBase64: exe, confirm: false },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('IMPORT.INVALID_FILE');
  });
});
