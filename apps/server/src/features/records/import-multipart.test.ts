import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/*
 * Imports sent as multipart (issue 12 "Imports that scale"): the file is streamed within its limit, dry run then
 * confirm, every row not saved reported; a file past the limit is refused naming it.
 */

let t: TestApp;
let officer: Session;

/** A multipart/form-data body with one file field. */
function multipartBody(fileName: string, content: Buffer) {
  const boundary = `----dx${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}
const send = (fileName: string, content: Buffer, confirm: boolean) =>
  t.call(officer, {
    method: 'POST',
    url: `/api/imports/publications/file?provinceId=${t.hp}&confirm=${confirm}`,
    ...multipartBody(fileName, content),
  });

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
  const haiAn = await seededUnit(t, 'Quận Hải An');
  officer = await t.userWith([{ role: 'unit_officer', unitId: haiAn }]);
  const ch = await t.call(officer, {
    method: 'POST',
    url: '/api/channels',
    payload: { ownerUnitId: haiAn, kind: 'portal', name: 'Cổng TTĐT quận Hải An', hasDxSection: true },
  });
  expect(ch.statusCode, ch.body).toBe(201);
});
afterAll(async () => t?.close());

describe('imports sent as multipart', () => {
  it('dry run then confirm of 3,000 rows; every row left out is reported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tin bài');
    ws.addRow([
      'Kênh',
      'Tiêu đề tin, bài',
      'Đường dẫn',
      'Ngày đăng',
      'Hình thức',
      'Chủ đề',
      'Mô hình',
      'Lượt tiếp cận',
      'CĐS',
    ]);
    for (let i = 0; i < 3000; i++)
      ws.addRow([
        'Cổng TTĐT quận Hải An',
        i === 10 ? 'ChuyÓn ®æi sè' : `Tin số ${i}`,
        `https://haian.example.vn/tin/${i}`,
        new Date(Date.UTC(2023, i % 12, 1 + (i % 28))),
        'tin/bài',
        '',
        '',
        i === 20 ? 1.5 : i,
        'có',
      ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await send('tin-bai.xlsx', file, false);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ total: 3000, valid: 2998, saved: 0 });
    expect(dry.json().issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)).toEqual([
      '12:title',
      '22:reach',
    ]);
    const done = await send('tin-bai.xlsx', file, true);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ total: 3000, saved: 2998 });
    const [n] = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM publication`);
    expect(n!.n).toBe(2998);
  });

  it("a dry run's stage is confirmed once, by its uploader; rows stored meanwhile are reported, not saved twice", async () => {
    const csv = (rows: string[]) =>
      Buffer.from(`Kênh;Tiêu đề tin, bài;Đường dẫn;Ngày đăng;Hình thức\n${rows.join('\n')}\n`);
    const row = (title: string) => `Cổng TTĐT quận Hải An;${title};;15/03/2023;video`;
    const count = async () =>
      (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM publication`))[0]!.n;
    const before = await count();
    const dry = await send(
      'a.csv',
      csv([row('Giai đoạn A1'), row('Giai đoạn A2'), 'Kênh lạ;X;;15/03/2023;video']),
      false,
    );
    expect(dry.statusCode, dry.body).toBe(200);
    const stageId = dry.json().stageId as string;
    expect(dry.json()).toMatchObject({ total: 3, valid: 2, saved: 0, batchId: null });
    expect(stageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count()).toBe(before);

    // Another writer of the province may not confirm it.
    const other = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    const foreign = await t.call(other, {
      method: 'POST',
      url: '/api/imports/publications/confirm',
      payload: { stageId },
    });
    expect(foreign.statusCode).toBe(403);

    // Meanwhile the same row A2 is stored by another upload, confirmed at once.
    const twin = await send('b.csv', csv([row('Giai đoạn A2')]), true);
    expect(twin.json()).toMatchObject({ saved: 1 });

    const confirm = () =>
      t.call(officer, { method: 'POST', url: '/api/imports/publications/confirm', payload: { stageId } });
    const done = await confirm();
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ total: 3, saved: 1, stageId: null });
    expect(
      done.json().issues.map((i: { row: number; column: string | null }) => `${i.row}:${i.column}`),
    ).toEqual(['3:null', '4:channel']);
    expect(await count()).toBe(before + 2);
    // Confirmed once: the stage is gone.
    const again = await confirm();
    expect(again.statusCode).toBe(404);
    expect(await count()).toBe(before + 2);
  });

  it('refuses a file past the upload limit, naming it', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 0x41);
    const res = await send('to.csv', big, false);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'IMPORT.TOO_LARGE', message: 'Tệp vượt quá 32 MB' });
  });
});
