import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { multipartFile } from '../../test/multipart';

const HAI_DUONG = readFileSync(new URL('../unit-imports/fixtures/haiduong-2023.csv', import.meta.url));
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return squash(
    xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&'),
  );
}

/**
 * Issue 15 quality bar: a second province onboarded end to end on a platform holding only the province catalogue
 * (no Hải Phòng data): added from the catalogue, its units imported, its own words set, a plan and a reporting
 * period; its plan, consolidated report, công văn đôn đốc and Tờ trình speak its words and never another province's.
 */
describe('a second province speaks its own words (issue 15)', () => {
  let t: TestApp;
  let sys: Session;
  let admin: Session;
  let province: string;
  let planId: string;
  let periodId: string;
  const dir = mkdtempSync(join(tmpdir(), 'second-province-'));

  beforeAll(async () => {
    t = await createTestApp({ seed: 'none', clock: () => new Date('2024-07-15T03:00:00Z') });
    sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const catalogue = await t.call(sys, { method: 'GET', url: '/api/province-catalogue?asOf=2024-07-15' });
    const row = (catalogue.json().items as { id: string; code: string }[]).find((r) => r.code === '30')!;
    const added = await t.call(sys, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: row.id },
    });
    expect(added.statusCode, added.body).toBe(201);
    province = added.json().provinceId;
    admin = await t.userWith([{ role: 'administrator', unitId: province }]);
    const imported = await t.call(admin, {
      method: 'POST',
      url: `/api/unit-imports/file?provinceId=${province}&confirm=true&effectiveDate=2023-01-01`,
      ...multipartFile('don-vi.csv', HAI_DUONG),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().created).toBe(247);

    const current = (
      await t.call(admin, { method: 'GET', url: `/api/provinces/${province}/settings` })
    ).json();
    const always = <V>(value: V) => [{ validFrom: null, validTo: null, value }];
    const saved = await t.call(admin, {
      method: 'PUT',
      url: `/api/provinces/${province}/settings`,
      payload: {
        revision: current.revision,
        settings: {
          province_word: always('tỉnh'),
          peoples_committee_name: always('Ủy ban nhân dân tỉnh Hải Dương'),
          party_committee_name: always('Tỉnh ủy Hải Dương'),
          dx_office_agency: always({ name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT' }),
          default_recipients: always([
            'Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;',
            'UBND các huyện, thị xã, thành phố;',
          ]),
          signature_block: always({ title: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', name: 'Người Ký Thử' }),
          funding_source_names: always({
            unit_regular: 'Dự toán chi thường xuyên',
            city_budget: 'Ngân sách tỉnh',
            other_lawful: 'Nguồn hợp pháp khác',
          }),
          report_defaults: always({ place: 'Hải Dương', issuer: 'committee' }),
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const dx = admin;
    const plan = await t.call(dx, {
      method: 'POST',
      url: '/api/plans',
      payload: { provinceId: province, year: 2024 },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id ?? plan.json().planId;
    const district = (
      await t.call(admin, {
        method: 'GET',
        url: `/api/org-units?provinceId=${province}&parentId=${province}&asOf=2024-07-15&limit=1`,
      })
    ).json().items[0].unitId;
    const period = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: {
        kind: 'quarter',
        label: 'Quý II/2024',
        periodFrom: '2024-04-01',
        periodTo: '2024-06-30',
        dueDate: '2024-07-05',
        unitIds: [district],
      },
    });
    expect(period.statusCode, period.body).toBe(201);
    periodId = period.json().id;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  const get = async (url: string) => {
    const res = await t.call(admin, { method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.rawPayload;
  };
  const expectOwnWords = (text: string, what: string) => {
    expect(text, what).toMatch(/HẢI DƯƠNG|Hải Dương/);
    expect(text, what).not.toMatch(/Hải Phòng|HẢI PHÒNG|Thành ủy|thành phố phê duyệt/);
  };

  it("the plan's DOCX and PDF: the province's committee and place", async () => {
    const docx = await docxText(await get(`/api/plans/${planId}/export.docx`));
    expect(docx).toContain('ỦY BAN NHÂN DÂN');
    expect(docx).toContain('TỈNH HẢI DƯƠNG');
    expectOwnWords(docx, 'plan docx');
    if (has('pdftotext')) {
      const pdf = join(dir, 'plan.pdf');
      writeFileSync(pdf, await get(`/api/plans/${planId}/export.pdf`));
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      expectOwnWords(text, 'plan pdf');
    }
  });

  it("the consolidated report's DOCX and PDF: header, place, issuer, recipients and signature of the province", async () => {
    const docx = await docxText(await get(`/api/report-periods/${periodId}/consolidated.docx`));
    for (const words of [
      'ỦY BAN NHÂN DÂN',
      'TỈNH HẢI DƯƠNG',
      'Hải Dương, ngày 15 tháng 7 năm 2024',
      'Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;',
      'Bộ Thông tin và Truyền thông',
      'CHỦ TỊCH',
      'Người Ký Thử',
    ])
      expect(docx).toContain(words);
    expectOwnWords(docx, 'consolidated docx');
    const office = await docxText(
      await get(`/api/report-periods/${periodId}/consolidated.docx?issuer=dx_office`),
    );
    expect(office).toContain('UBND TỈNH HẢI DƯƠNG');
    expect(office).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(office).toContain('Ủy ban nhân dân tỉnh Hải Dương (để báo cáo);');
    expectOwnWords(office, 'consolidated docx, DX office');
    if (has('pdftotext')) {
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, await get(`/api/report-periods/${periodId}/consolidated.pdf`));
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      expect(text).toContain('TỈNH HẢI DƯƠNG');
      expectOwnWords(text, 'consolidated pdf');
    }
    if (has('libreoffice')) {
      // The DOCX as LibreOffice reads it (what a clerk opening the file sees).
      const file = join(dir, 'report.docx');
      writeFileSync(file, await get(`/api/report-periods/${periodId}/consolidated.docx`));
      execFileSync('libreoffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      const text = squash(readFileSync(join(dir, 'report.txt'), 'utf8'));
      expect(text).toContain('TỈNH HẢI DƯƠNG');
      expectOwnWords(text, 'consolidated docx read by LibreOffice');
    }
  });

  it('the công văn đôn đốc: issued by its DX office agency, numbered with its code, in its place', async () => {
    const issued = await t.call(admin, {
      method: 'POST',
      url: `/api/plans/${planId}/urgings`,
      payload: { source: 'reports', sourceId: periodId },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { urging } = issued.json();
    expect(urging.number).toBe('1/STTTT');
    const docx = await docxText(await get(`/api/urgings/${urging.id}/document.docx`));
    expect(docx).toContain('UBND TỈNH HẢI DƯƠNG');
    expect(docx).toContain('Hải Dương, ngày 15 tháng 7 năm 2024');
    expectOwnWords(docx, 'urging docx');
  });

  it("the budget's Tờ trình and approval road: the province's committee and words", async () => {
    const chain = (
      await t.call(admin, { method: 'GET', url: `/api/provinces/${province}/budget-chain` })
    ).json();
    expect(chain.chain.map((s: { label: string }) => s.label)).toEqual([
      'Sở TT&TT tổng hợp',
      'Sở Tài chính thẩm định',
      'UBND tỉnh phê duyệt',
    ]);
    const docx = await docxText(await get(`/api/plans/${planId}/budget-submission.docx`));
    expect(docx).toContain('Kính gửi: Ủy ban nhân dân tỉnh Hải Dương.');
    expect(docx).toContain('UBND TỈNH HẢI DƯƠNG');
    expectOwnWords(docx, 'budget docx');
  });
});
