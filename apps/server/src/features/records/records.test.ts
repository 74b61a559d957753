import { queryRows, seedPlans } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/*
 * Import of every record type (people, events, trainings with attendees…), a district's lists taking in its
 * communes, and files attached to records.
 */

let t: TestApp;
let district: Session; // officer of Quận Hải An
let commune: Session; // officer of a ward of Hải An
let stranger: Session; // officer of Quận Lê Chân
let viewerOtherProvince: Session;
let haiAn: string;
let ward: string;
let wardName: string;
let leChan: string;

/** Versions in force on the test's today (the seed holds the 2025 reorganisation too). */
const inForce = sql.raw(
  `(valid_from IS NULL OR valid_from <= '2023-10-15') AND (valid_to IS NULL OR valid_to > '2023-10-15')`,
);
const count = async (table: string) =>
  Number(
    (await queryRows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]!
      .n,
  );
async function xlsx(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (s: Session, path: string, fileName: string, content: Buffer | string, confirm = false) =>
  t.call(s, {
    method: 'POST',
    url: `/api/imports/${path}`,
    payload: { provinceId: t.hp, fileName, contentBase64: Buffer.from(content).toString('base64'), confirm },
  });
const at = (issues: { row: number; column: string | null }[]) => issues.map((i) => `${i.row}:${i.column}`);

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
  await seedPlans(t.handle.db);
  haiAn = await seededUnit(t, 'Quận Hải An', { asOf: '2023-10-15' });
  leChan = await seededUnit(t, 'Quận Lê Chân', { asOf: '2023-10-15' });
  const [w] = await queryRows<{ unit_id: string; name: string }>(
    t.handle.db,
    sql`SELECT unit_id, name FROM org_unit_version WHERE parent_unit_id = ${haiAn} AND ${inForce} ORDER BY name LIMIT 1`,
  );
  ward = w!.unit_id;
  wardName = w!.name;
  district = await t.userWith([{ role: 'unit_officer', unitId: haiAn }]);
  commune = await t.userWith([{ role: 'unit_officer', unitId: ward }]);
  stranger = await t.userWith([{ role: 'unit_officer', unitId: leChan }]);
  viewerOtherProvince = await t.userWith([{ role: 'viewer', unitId: t.hd }]);
});
afterAll(async () => t?.close());

describe('import of people (dry run by column, then all or nothing)', () => {
  const headers = ['Đơn vị', 'Họ và tên', 'Vai trò', 'Thư điện tử', 'Điện thoại'];
  const rows = () => [
    ['quan hai an', 'Nguyễn Thị Thu Hà', 'phóng viên', 'thuha@haian.gov.vn', '0912 345 678'],
    [wardName, 'Trần Văn Nam', 'Cán bộ thông tin cơ sở', '', ''],
    ['Quận Hải Ann', 'Lê Văn Bình', 'biên tập viên', '', ''], // row 4: unknown unit
    ['Quận Hải An', 'Phạm Thị Lan', 'nhà báo', 'lan@', ''], // row 5: unknown role, bad e-mail
    ['Quận Hải An', 'nguyen thi thu ha', 'biên tập viên', '', ''], // row 6: duplicate of row 2 in the file
  ];

  it('the template has the data sheet, the instructions and the lists of valid values', async () => {
    const res = await t.call(district, {
      method: 'GET',
      url: `/api/imports/people/template.xlsx?provinceId=${t.hp}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('mau-nhap-nguoi-lam-tin.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Người làm tin', 'Hướng dẫn', 'Danh sách']);
    const data = wb.worksheets[0]!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(data.rowCount).toBe(1); // no example row to import by mistake
    const lists = wb.getWorksheet('Danh sách')!;
    const listHeads = (lists.getRow(1).values as unknown[]).slice(1);
    expect(listHeads).toEqual(['Vai trò', 'Đơn vị']);
    const roles = [2, 3, 4].map((r) => lists.getCell(r, 1).value);
    expect(roles).toEqual(['phóng viên', 'biên tập viên', 'cán bộ thông tin cơ sở']);
    const units: unknown[] = [];
    lists.getColumn(2).eachCell((c) => units.push(c.value));
    expect(units).toContain('Quận Hải An');
    const help = wb.getWorksheet('Hướng dẫn')!;
    const helpText: string[] = [];
    help.eachRow((r) => helpText.push((r.values as unknown[]).slice(1).join(' | ')));
    expect(helpText.join('\n')).toContain('Vai trò | có | Một trong: phóng viên / biên tập viên');
    // Another province's viewer may not read Hải Phòng's lists.
    const foreign = await t.call(viewerOtherProvince, {
      method: 'GET',
      url: `/api/imports/people/template.xlsx?provinceId=${t.hp}`,
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('dry run names each bad row and column and saves nothing; fixed, it saves every row at once', async () => {
    const before = await count('person');
    const dry = await upload(district, 'people', 'nguoi-lam-tin.xlsx', await xlsx(headers, rows()));
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ total: 5, valid: 2, saved: 0, batchId: null });
    expect(at(report.issues)).toEqual(['4:unit', '5:role', '5:email', '6:fullName']);
    expect(report.issues[0].message).toBe(
      'Không tìm thấy đơn vị "Quận Hải Ann" trong danh mục đơn vị của tỉnh',
    );
    expect(report.issues[3].message).toBe('Trùng với dòng 2 trong tệp');
    expect(await count('person')).toBe(before);

    const fixed = rows();
    fixed[2]![0] = 'Quận Hải An';
    fixed[3]![2] = 'phóng viên';
    fixed[3]![3] = 'lan@haian.gov.vn';
    fixed[4]![1] = 'Nguyễn Thị Thu Hằng';
    const done = await upload(district, 'people', 'nguoi-lam-tin.xlsx', await xlsx(headers, fixed), true);
    expect(done.json()).toMatchObject({ total: 5, valid: 5, saved: 5, issues: [] });
    expect(await count('person')).toBe(before + 5);
    const [batch] = await queryRows<{ record_type: string; rows: number }>(
      t.handle.db,
      sql`SELECT record_type, rows FROM import_batch ORDER BY id DESC LIMIT 1`,
    );
    expect(batch).toEqual({ record_type: 'person', rows: 5 });
    const audits = await queryRows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'person.import'`,
    );
    expect(Number(audits[0]!.n)).toBe(1);

    // The same file again: every row is now a duplicate of what is stored.
    const again = await upload(district, 'people', 'nguoi-lam-tin.xlsx', await xlsx(headers, fixed), true);
    expect(again.json()).toMatchObject({ valid: 0, saved: 0 });
    expect(
      again.json().issues.every((i: { message: string }) => i.message.startsWith('Trùng người đã có')),
    ).toBe(true);
  });

  it("a ward officer may not import for the district above it; a blank unit cell means the officer's unit", async () => {
    const csv = [
      'Đơn vị;Họ và tên;Vai trò',
      'Quận Hải An;Đỗ Văn Tâm;phóng viên',
      ';Vũ Thị Mai;cán bộ thông tin cơ sở',
    ].join('\n');
    const res = await upload(commune, 'people', 'nguoi.csv', csv, true);
    expect(res.json().issues).toEqual([
      {
        row: 2,
        column: 'unit',
        message: 'Bạn không được nhập hồ sơ cho "Quận Hải An" (chỉ đơn vị mình và đơn vị trực thuộc)',
      },
    ]);
    expect(res.json()).toMatchObject({ saved: 1 });
    const [mai] = await queryRows<{ unit_id: string }>(
      t.handle.db,
      sql`SELECT unit_id FROM person WHERE full_name = 'Vũ Thị Mai'`,
    );
    expect(mai!.unit_id).toBe(ward);
  });
});

describe('import of events and trainings', () => {
  it('events: themes by code, bad date and unknown theme reported, links saved with the rows', async () => {
    const headers = [
      'Đơn vị tổ chức',
      'Loại hoạt động',
      'Cấp',
      'Tên hoạt động',
      'Ngày tổ chức',
      'Số người tham gia',
      'Chủ đề',
      'Về chuyển đổi số',
    ];
    const rows = [
      [
        'Quận Hải An',
        'cuộc thi',
        'cấp huyện',
        'Cuộc thi "Hải An số"',
        new Date(Date.UTC(2023, 8, 9)),
        1200,
        'II.4.a',
        'có',
      ],
      ['Quận Hải An', 'hội thảo', 'quận, huyện', 'Hội thảo chuyển đổi số', '31/06/2023', '', '', ''],
      ['Quận Hải An', 'ngoại khóa', 'đơn vị', 'Ngoại khoá', '20/10/2023', '', 'II.99', ''],
    ];
    const dry = await upload(district, 'events', 'hoat-dong.xlsx', await xlsx(headers, rows));
    expect(at(dry.json().issues)).toEqual(['3:heldOn', '4:themes']);
    const done = await upload(district, 'events', 'hoat-dong.xlsx', await xlsx(headers, [rows[0]!]), true);
    expect(done.json()).toMatchObject({ saved: 1 });
    const [e] = await queryRows<{ held_on: string; participants: number; themes: string }>(
      t.handle.db,
      sql`SELECT e.held_on::text, e.participants, (SELECT count(*) FROM event_theme et WHERE et.event_id = e.id)::text AS themes
            FROM event e WHERE title = 'Cuộc thi "Hải An số"'`,
    );
    expect(e).toEqual({ held_on: '2023-09-09', participants: 1200, themes: '1' });
  });

  it('trainings: attendees matched by name are saved as attendance', async () => {
    const csv = [
      'Đơn vị tổ chức;Tên lớp tập huấn;Ngày tổ chức;Nội dung tập huấn;Người tham dự',
      'Quận Hải An;Tập huấn viết tin về CĐS;12/06/2023;viết tin, bài về CĐS;nguyen thi thu ha; Trần Văn Nam',
    ].join('\n');
    // The attendee list has a ";" inside a field without quotes: the CSV splits it; quote it instead.
    const quoted = csv.replace(
      'nguyen thi thu ha; Trần Văn Nam',
      '"nguyen thi thu ha; Trần Văn Nam; Người Lạ"',
    );
    const dry = await upload(district, 'trainings', 'tap-huan.csv', quoted);
    expect(dry.json().issues).toEqual([
      {
        row: 2,
        column: 'attendees',
        message: 'Không tìm thấy người "Người Lạ"; khai báo ở "Người làm tin" trước hoặc sửa tên cho đúng',
      },
    ]);
    const ok = await upload(district, 'trainings', 'tap-huan.csv', quoted.replace('; Người Lạ', ''), true);
    expect(ok.json()).toMatchObject({ saved: 1 });
    const [r] = await queryRows<{ tags: string[]; n: string }>(
      t.handle.db,
      sql`SELECT t.tags, (SELECT count(*) FROM training_attendance a WHERE a.training_id = t.id)::text AS n
            FROM training t WHERE title = 'Tập huấn viết tin về CĐS'`,
    );
    expect(r).toEqual({ tags: ['dx_writing'], n: '2' });
  });
});

describe("a unit's lists take in the units below it", () => {
  it('includeBelow=true lists the ward’s records with the district’s; without it, the district’s only', async () => {
    const list = async (q: string) =>
      (
        await t.call(district, { method: 'GET', url: `/api/people?provinceId=${t.hp}&${q}&limit=200` })
      ).json() as { items: { unitId: string; unitName: string }[]; total: number };
    const own = await list(`unitId=${haiAn}`);
    const below = await list(`unitId=${haiAn}&includeBelow=true`);
    expect(new Set(own.items.map((i) => i.unitId))).toEqual(new Set([haiAn]));
    expect(new Set(below.items.map((i) => i.unitId))).toEqual(new Set([haiAn, ward]));
    // Each item says whose it is.
    expect(below.items.find((i) => i.unitId === ward)!.unitName).toBe(wardName);
    expect(below.total).toBe(own.total + (await list(`unitId=${ward}`)).total);
    const bad = await t.call(district, {
      method: 'GET',
      url: `/api/people?provinceId=${t.hp}&unitId=${haiAn}&includeBelow=yes`,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('lists filter what they say they filter (issue 12)', () => {
  it('publications by theme and by channel, events by theme; a filter of another kind is a 400 naming it', async () => {
    const [theme, otherTheme] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT pt.id FROM plan_theme pt JOIN plan p ON p.id = pt.plan_id WHERE p.province_id = ${t.hp} ORDER BY pt.id LIMIT 2`,
    );
    const channel = async (name: string) => {
      const r = await t.call(district, {
        method: 'POST',
        url: '/api/channels',
        payload: { ownerUnitId: haiAn, kind: 'portal', name },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const portal = await channel('Cổng TTĐT quận Hải An (lọc)');
    const page = await channel('Trang Zalo quận Hải An (lọc)');
    const publish = async (channelId: string, title: string, themeIds: string[]) => {
      const r = await t.call(district, {
        method: 'POST',
        url: '/api/publications',
        payload: { channelId, title, publishedOn: '2023-03-10', format: 'article', themeIds },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const a = await publish(portal, 'Chợ 4.0 ở Hải An', [theme!.id]);
    const b = await publish(page, 'Thanh toán không dùng tiền mặt', [theme!.id, otherTheme!.id]);
    const c = await publish(portal, 'Hội nghị chuyển đổi số quận', [otherTheme!.id]);
    const ids = async (path: string, q: string) => {
      const r = await t.call(district, {
        method: 'GET',
        url: `/api/${path}?provinceId=${t.hp}&${q}&limit=200`,
      });
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json() as { items: { id: string }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return new Set(body.items.map((i) => i.id));
    };
    const mine = (set: Set<string>) => new Set([a, b, c].filter((id) => set.has(id)));
    expect(mine(await ids('publications', `themeId=${theme!.id}`))).toEqual(new Set([a, b]));
    expect(mine(await ids('publications', `channelId=${portal}`))).toEqual(new Set([a, c]));
    expect(await ids('publications', `channelId=${portal}&themeId=${otherTheme!.id}`)).toEqual(new Set([c]));
    const all = await ids('publications', `unitId=${haiAn}`);
    expect(mine(all)).toEqual(new Set([a, b, c]));

    const event = await t.call(district, {
      method: 'POST',
      url: '/api/events',
      payload: {
        organiserUnitId: haiAn,
        title: 'Ngày hội chuyển đổi số',
        kind: 'workshop',
        level: 'district',
        heldOn: '2023-04-02',
        themeIds: [otherTheme!.id],
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    expect(await ids('events', `themeId=${otherTheme!.id}`)).toContain(event.json().id);
    expect(await ids('events', `themeId=${theme!.id}`)).not.toContain(event.json().id);

    const refused = await t.call(district, {
      method: 'GET',
      url: `/api/people?provinceId=${t.hp}&themeId=${theme!.id}&channelId=${portal}`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues.map((i: { path: string[] }) => i.path)).toEqual([
      ['querystring', 'themeId'],
      ['querystring', 'channelId'],
    ]);
    const eventsByChannel = await t.call(district, {
      method: 'GET',
      url: `/api/events?provinceId=${t.hp}&channelId=${portal}`,
    });
    expect(eventsByChannel.statusCode).toBe(400);
    const unknown = await t.call(district, {
      method: 'GET',
      url: `/api/publications?provinceId=${t.hp}&theme=x`,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('channels with a DX section or without one; the filter is refused on another kind (issue 19)', async () => {
    const make = async (name: string, hasDxSection: boolean) => {
      const r = await t.call(district, {
        method: 'POST',
        url: '/api/channels',
        payload: { ownerUnitId: haiAn, kind: 'portal', name, hasDxSection },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const dx = await make('Chuyên trang CĐS quận Hải An (lọc CĐS)', true);
    const plain = await make('Bản tin quận Hải An (lọc CĐS)', false);
    const list = async (q: string) => {
      const r = await t.call(district, {
        method: 'GET',
        url: `/api/channels?provinceId=${t.hp}&unitId=${haiAn}${q}&limit=200`,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items as { id: string; hasDxSection: boolean }[];
    };
    const withDx = await list('&dx=true');
    expect(withDx.map((c) => c.id)).toContain(dx);
    expect(withDx.map((c) => c.id)).not.toContain(plain);
    expect(withDx.every((c) => c.hasDxSection)).toBe(true);
    const without = await list('&dx=false');
    expect(without.map((c) => c.id)).toEqual(expect.arrayContaining([plain]));
    expect(without.some((c) => c.hasDxSection)).toBe(false);
    expect((await list('')).map((c) => c.id)).toEqual(expect.arrayContaining([dx, plain]));
    const refused = await t.call(district, {
      method: 'GET',
      url: `/api/publications?provinceId=${t.hp}&dx=true`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues.map((i: { path: string[] }) => i.path)).toEqual([
      ['querystring', 'dx'],
    ]);
  });
});

describe('files attached to records', () => {
  let planId: string;
  const pdf = Buffer.from('%PDF-1.4\n% Kế hoạch truyền thông\n');
  beforeAll(async () => {
    const res = await t.call(district, {
      method: 'POST',
      url: '/api/unit-plans',
      payload: {
        unitId: haiAn,
        year: 2023,
        kind: 'communication_plan',
        documentNumber: '125/KH-UBND',
        documentDate: '2023-02-20',
        fileRef: 'so-cu/125.pdf',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
  });
  const attach = (s: Session, fileName: string, content: Buffer) =>
    t.call(s, {
      method: 'POST',
      url: `/api/unit-plans/${planId}/files`,
      payload: { fileName, contentBase64: content.toString('base64') },
    });

  it('uploads a PDF, lists it with the record, serves it back as a download; fileRef stays', async () => {
    const res = await attach(district, 'Kế hoạch 125.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      fileName: 'Kế hoạch 125.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    // A viewer of another district reads it province-wide; a unit officer there does not (docs/security.md
    // "Scope of reading": a unit officer reads its own subtree's records and files).
    const viewer = await t.userWith([{ role: 'viewer', unitId: leChan }]);
    const one = (await t.call(viewer, { method: 'GET', url: `/api/unit-plans/${planId}` })).json();
    expect(one.fileRef).toBe('so-cu/125.pdf');
    expect(one.files).toEqual([file]);
    expect((await t.call(stranger, { method: 'GET', url: `/api/unit-plans/${planId}` })).statusCode).toBe(
      403,
    );
    expect((await t.call(stranger, { method: 'GET', url: file.url })).statusCode).toBe(403);
    expect((await t.call(commune, { method: 'GET', url: file.url })).statusCode).toBe(403);
    const listed = async (session: Session) =>
      (await t.call(session, { method: 'GET', url: `/api/unit-plans?provinceId=${t.hp}&limit=200` }))
        .json()
        .items.map((r: { id: string }) => r.id) as string[];
    expect(await listed(stranger)).not.toContain(planId);
    expect(await listed(viewer)).toContain(planId);
    expect(await listed(district)).toContain(planId);
    const dl = await t.call(viewer, { method: 'GET', url: file.url });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Kế hoạch 125.pdf')}`,
    );
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const foreign = await t.call(viewerOtherProvince, { method: 'GET', url: file.url });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses a disguised or unknown file, and an officer of another unit; nothing stored', async () => {
    const before = await count('record_file');
    const exe = await attach(district, 'ke-hoach.pdf', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details.issues[0].path).toEqual(['body', 'contentBase64']);
    const html = await attach(district, 'trang.html', Buffer.from('<script>'));
    expect(html.json().error.details.issues[0]).toMatchObject({ path: ['body', 'fileName'] });
    const other = await attach(stranger, 'a.pdf', pdf);
    expect(other.statusCode).toBe(403);
    expect(await count('record_file')).toBe(before);
  });

  it('deleting the file, and the record, removes the bytes', async () => {
    const f = (await attach(district, 'b.pdf', pdf)).json();
    expect((await t.call(stranger, { method: 'DELETE', url: `/api/record-files/${f.id}` })).statusCode).toBe(
      403,
    );
    expect((await t.call(district, { method: 'DELETE', url: `/api/record-files/${f.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.call(district, { method: 'GET', url: f.url })).statusCode).toBe(404);
    await attach(district, 'c.pdf', pdf);
    const plan = (await t.call(district, { method: 'GET', url: `/api/unit-plans/${planId}` })).json();
    expect(plan.files).toHaveLength(2);
    const del = await t.call(district, {
      method: 'DELETE',
      url: `/api/unit-plans/${planId}?version=${plan.version}`,
    });
    expect(del.statusCode, del.body).toBe(204);
    const left = await queryRows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM record_file WHERE record_id = ${planId}`,
    );
    expect(Number(left[0]!.n)).toBe(0);
  });
});

describe('scope of reading people (docs/security.md "Scope of reading")', () => {
  it('names, phones, e-mails: within the subtree for officers and viewers; the DX office reads the province', async () => {
    const created = await t.call(district, {
      method: 'POST',
      url: '/api/people',
      payload: {
        unitId: haiAn,
        fullName: 'Lê Thị Phạm vi',
        role: 'grassroots_officer',
        phone: '0912 000 111',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const viewerElsewhere = await t.userWith([{ role: 'viewer', unitId: leChan }]);
    const viewerAbove = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const dxOffice = await t.userWith([{ role: 'dx_office', unitId: leChan }]);
    const one = (s: Session) =>
      t.call(s, { method: 'GET', url: `/api/people/${id}` }).then((r) => r.statusCode);
    const listed = async (s: Session) =>
      (await t.call(s, { method: 'GET', url: `/api/people?provinceId=${t.hp}&limit=200` }))
        .json()
        .items.map((p: { id: string }) => p.id) as string[];
    for (const s of [viewerElsewhere, stranger, commune]) {
      expect(await one(s)).toBe(403);
      expect(await listed(s)).not.toContain(id);
    }
    for (const s of [district, viewerAbove, dxOffice]) {
      expect(await one(s)).toBe(200);
      expect(await listed(s)).toContain(id);
    }
  });
});

describe("roles, training tags, channel, model and event kinds and levels are codes of the province's vocabularies (issue 16)", () => {
  const post = (url: string, payload: Record<string, unknown>) =>
    t.call(district, { method: 'POST', url, payload });
  const person = (role: string) => post('/api/people', { unitId: haiAn, fullName: 'Trần Văn Xã', role });
  const issues = (r: { json: () => { error: { details: { issues: unknown[] } } } }) =>
    r.json().error.details.issues;

  it('a role the province added is taken; once it has roles of its own, only those; unknown codes name their field', async () => {
    // No role of its own yet: the platform's defaults.
    expect((await person('reporter')).statusCode).toBe(201);
    const unknown = await person('commune_official');
    expect(unknown.statusCode).toBe(400);
    expect(issues(unknown)).toEqual([
      {
        path: ['body', 'role'],
        message: 'Vai trò không có trong danh mục của tỉnh, thành phố',
        reason: 'record.roleNotInVocabulary',
      },
    ]);
    await t.handle.db.execute(sql`INSERT INTO vocabulary_term (province_id, vocabulary, code, label_vi, label_en)
      VALUES (${t.hp}, 'person_role', 'commune_official', 'cán bộ, công chức cấp xã', 'commune official')`);
    const known = await person('commune_official');
    expect(known.statusCode, known.body).toBe(201);
    expect(known.json().role).toBe('commune_official');
    // The province's list replaces the defaults.
    expect((await person('reporter')).statusCode).toBe(400);
    // A retired term is not taken for a new record.
    await t.handle.db.execute(sql`UPDATE vocabulary_term SET valid_to = '2020-01-01'
      WHERE province_id = ${t.hp} AND vocabulary = 'person_role' AND code = 'commune_official'`);
    expect((await person('commune_official')).statusCode).toBe(400);
    // A record made while the term was in force keeps it when corrected: nothing stored becomes unsavable.
    const corrected = await t.call(district, {
      method: 'PUT',
      url: `/api/people/${known.json().id}`,
      payload: {
        version: known.json().version,
        record: { unitId: haiAn, fullName: 'Trần Văn Xã (sửa)', role: 'commune_official' },
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().role).toBe('commune_official');
  });

  it('channels, models, events and trainings are checked the same way, each code on its own field', async () => {
    await t.handle.db.execute(sql`INSERT INTO vocabulary_term (province_id, vocabulary, code, label_vi, label_en) VALUES
      (${t.hp}, 'channel_kind', 'commune_radio', 'đài truyền thanh xã', 'commune radio'),
      (${t.hp}, 'model_kind', 'digital_market', 'chợ số', 'digital market'),
      (${t.hp}, 'event_kind', 'forum', 'diễn đàn', 'forum'),
      (${t.hp}, 'event_level', 'province', 'cấp tỉnh', 'provincial'),
      (${t.hp}, 'training_tag', 'data_skills', 'kỹ năng dữ liệu', 'data skills')`);
    const channel = (kind: string) =>
      post('/api/channels', { ownerUnitId: haiAn, kind, name: `Kênh ${kind}` });
    expect((await channel('commune_radio')).statusCode).toBe(201);
    const badChannel = await channel('portal');
    expect(badChannel.statusCode).toBe(400);
    expect(issues(badChannel)).toEqual([
      {
        path: ['body', 'kind'],
        message: 'Loại kênh không có trong danh mục của tỉnh, thành phố',
        reason: 'record.channelKindNotInVocabulary',
      },
    ]);
    const model = (kind: string) => post('/api/dx-models', { unitId: haiAn, kind, name: `Mô hình ${kind}` });
    expect((await model('digital_market')).statusCode).toBe(201);
    expect(issues(await model('model'))).toEqual([
      {
        path: ['body', 'kind'],
        message: 'Loại mô hình không có trong danh mục của tỉnh, thành phố',
        reason: 'record.modelKindNotInVocabulary',
      },
    ]);
    const event = (kind: string, level: string) =>
      post('/api/events', {
        organiserUnitId: haiAn,
        kind,
        level,
        title: `Sự kiện ${kind}`,
        heldOn: '2023-05-01',
      });
    expect((await event('forum', 'province')).statusCode).toBe(201);
    expect(issues(await event('contest', 'city'))).toEqual([
      {
        path: ['body', 'kind'],
        message: 'Loại hoạt động không có trong danh mục của tỉnh, thành phố',
        reason: 'record.eventKindNotInVocabulary',
      },
      {
        path: ['body', 'level'],
        message: 'Cấp của hoạt động không có trong danh mục của tỉnh, thành phố',
        reason: 'record.eventLevelNotInVocabulary',
      },
    ]);
    const training = (tags: string[]) =>
      post('/api/trainings', {
        organiserUnitId: haiAn,
        title: `Lớp ${tags.join()}`,
        heldOn: '2023-05-02',
        tags,
      });
    expect((await training(['data_skills'])).statusCode).toBe(201);
    expect(issues(await training(['data_skills', 'dx_writing']))).toEqual([
      {
        path: ['body', 'tags', 1],
        message: 'Nội dung tập huấn không có trong danh mục của tỉnh, thành phố',
        reason: 'record.trainingTagNotInVocabulary',
      },
    ]);
  });
});
