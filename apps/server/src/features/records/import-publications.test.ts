import { queryRows, seedPlans } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

describe('import of publications from Excel/CSV (dry run, then all-or-nothing)', () => {
  let t: TestApp;
  let officer: Session;
  let other: Session;
  const count = async () =>
    Number((await queryRows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM publication`))[0]!.n);
  const upload = (s: Session, fileName: string, content: Buffer | string, confirm = false) =>
    t.call(s, {
      method: 'POST',
      url: '/api/imports/publications',
      payload: {
        provinceId: t.hp,
        fileName,
        contentBase64: Buffer.from(content).toString('base64'),
        confirm,
      },
    });

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
    await seedPlans(t.handle.db);
    const haiAn = await seededUnit(t, 'Quận Hải An');
    const leChan = await seededUnit(t, 'Quận Lê Chân');
    officer = await t.userWith([{ role: 'unit_officer', unitId: haiAn }]);
    other = await t.userWith([{ role: 'unit_officer', unitId: leChan }]);
    const ch = await t.call(officer, {
      method: 'POST',
      url: '/api/channels',
      payload: { ownerUnitId: haiAn, kind: 'portal', name: 'Cổng TTĐT quận Hải An', hasDxSection: true },
    });
    expect(ch.statusCode, ch.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('offers an .xlsx template with the columns in Vietnamese', async () => {
    const res = await t.call(officer, { method: 'GET', url: '/api/imports/publications/template.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getRow(1).getCell(1).value)).toContain('Kênh');
  });

  const csv = [
    'Kênh;Tiêu đề tin, bài;Đường dẫn;Ngày đăng (dd/mm/yyyy);Hình thức;Chủ đề;Mô hình;Lượt tiếp cận;Chuyển đổi số',
    'cong ttdt quan hai an;Hải An số hoá chợ;https://haian.vn/1;15/03/2023;tin/bài;II.4.a;;1.200;có', // row 2: valid, no accents
    'Cổng TTĐT quận Hải An;Tin hai;;30/02/2023;video;;;;', // row 3: impossible date
    'Cổng Lê Chân;Tin ba;;01/04/2023;video;;;;', // row 4: unknown channel
    'Cổng TTĐT quận Hải An;Tin bốn;;01/05/2023;thơ;II.99;;;', // row 5: unknown format and theme
    'Cổng TTĐT quận Hải An;Hải An số hoá chợ;;15/03/2023;tin;;;;', // row 6: duplicate of row 2
    'Cổng TTĐT quận Hải An;"Tin sáu; có dấu chấm phẩy";;2023-06-01;phóng sự;;;;', // row 7: valid
  ].join('\r\n');

  it('dry run reports each bad row by column and saves nothing', async () => {
    const res = await upload(officer, 'tin-bai.csv', `\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 6, valid: 2, saved: 0, batchId: null });
    const byRow = body.issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`);
    expect(byRow).toEqual(['3:publishedOn', '4:channel', '5:format', '5:themes', '6:title']);
    expect(body.issues[0].message).toContain('dd/mm/yyyy');
    expect(await count()).toBe(0);
  });

  it('confirm saves the valid rows in one transaction; a second upload finds them as duplicates', async () => {
    const res = await upload(officer, 'tin-bai.csv', csv, true);
    expect(res.json()).toMatchObject({ valid: 2, saved: 2 });
    expect(await count()).toBe(2);
    const themed = await queryRows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM publication_theme`,
    );
    expect(Number(themed[0]!.n)).toBe(1);
    const again = await upload(officer, 'tin-bai.csv', csv, true);
    expect(again.json()).toMatchObject({ valid: 0, saved: 0 });
    expect(
      again.json().issues.filter((i: { message: string }) => i.message.startsWith('Trùng tin, bài đã có')),
    ).toHaveLength(3); // rows 2, 6, 7
    expect(await count()).toBe(2);
  });

  it("reads .xlsx with real date cells, and refuses rows for another unit's channel", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tin bài');
    ws.addRow(['Kênh', 'Tiêu đề tin, bài', 'Đường dẫn', 'Ngày đăng', 'Hình thức']);
    ws.addRow([
      'Cổng TTĐT quận Hải An',
      'Tin từ Excel',
      null,
      new Date(Date.UTC(2023, 6, 20)),
      'infographic',
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const mine = await upload(officer, 'tin.xlsx', bytes);
    expect(mine.json()).toMatchObject({ total: 1, valid: 1, issues: [] });
    const theirs = await upload(other, 'tin.xlsx', bytes);
    expect(theirs.json().issues).toEqual([
      { row: 2, column: 'channel', message: 'Bạn không được nhập tin, bài cho kênh của đơn vị khác' },
    ]);
    const junk = await upload(officer, 'tin.pdf', Buffer.from('%PDF-1.4'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('IMPORT.INVALID_FILE');
  });
});
