import { AppError } from '@dx/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from './tabular';
import { buildZip, sheetXml, workbookZip } from './zip-fixture';

/*
 * Hostile files (issue 14): each is refused with a message naming the limit, or read as it should be, while the
 * process's RSS stays under 512 MB above what it was before (the reading happens in a worker thread of this
 * process, so its memory counts here too).
 */

const MB = 1024 * 1024;
let idle = 0;
let peak = 0;
let sampler: NodeJS.Timeout;
beforeAll(() => {
  global.gc?.();
  idle = process.memoryUsage().rss;
  peak = idle;
  sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
});
afterAll(() => {
  clearInterval(sampler);
  // Printed for the report: what the hostile files cost this process at most.
  console.info(`tabular: RSS idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB`);
  expect(peak - idle).toBeLessThan(512 * MB);
});

let user = 0;
const read = (bytes: Buffer, fileName = 'tep.xlsx', maxRows = 20_000) =>
  readTable(bytes, fileName, { userId: `u${user++}`, maxRows });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('reading imported workbooks within bounds', () => {
  it('reads an Excel workbook: shared and rich text, numbers as numbers, dates as dates, formulas by value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tin bài');
    ws.addRow(['Tiêu đề', 'Số người tham gia', 'Ngày', 'Tổng']);
    ws.addRow(['Chuyển đổi số', 1.5, new Date(Date.UTC(2024, 2, 15)), { formula: 'B2*2', result: 3 }]);
    ws.addRow([{ richText: [{ text: 'Hải ' }, { text: 'An', font: { bold: true } }] }, 1234, null, null]);
    ws.addRow([]);
    ws.addRow(['Dòng 5', '1.234', null, null]);
    const t = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(t.headers).toEqual(['Tiêu đề', 'Số người tham gia', 'Ngày', 'Tổng']);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(t.rows[0]!.cells.slice(0, 2)).toEqual(['Chuyển đổi số', 1.5]);
    expect((t.rows[0]!.cells[2] as Date).toISOString().slice(0, 10)).toBe('2024-03-15');
    expect(t.rows[0]!.cells[3]).toBe(3);
    expect(t.rows[1]!.cells.slice(0, 2)).toEqual(['Hải An', 1234]);
    expect(t.rows[2]!.cells[1]).toBe('1.234');
  });

  it('reads a CSV with line numbers as Excel shows them', async () => {
    const t = await read(Buffer.from('\uFEFFa;b\n1;2\n\n3;"x;y"\n'), 'tep.csv');
    expect(t.headers).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 4, cells: ['3', 'x;y'] },
    ]);
  });

  it('refuses a zip bomb by ratio before inflating it', async () => {
    const bomb = workbookZip({ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * MB, 0x20) });
    expect(bomb.length).toBeLessThan(1 * MB);
    const t0 = performance.now();
    const err = await refusal(read(bomb));
    console.info(
      `ratio bomb (${Math.round(bomb.length / 1024)} KB → 200 MB) refused in ${Math.round(performance.now() - t0)} ms`,
    );
    expect(err.code).toBe('IMPORT.TOO_LARGE');
    expect(err.message).toMatch(/gấp hơn 100 lần/);
  });

  it('refuses a zip bomb by absolute size, declared or total', async () => {
    const one = workbookZip({
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(300 * 1024, 0x41).toString(),
      declaredSize: 300 * MB,
      stored: true,
    });
    const t0 = performance.now();
    const err = await refusal(read(one));
    console.info(`absolute-size bomb refused in ${Math.round(performance.now() - t0)} ms`);
    expect(err.code).toBe('IMPORT.TOO_LARGE');
    expect(err.message).toMatch(/vượt quá 256 MB sau khi giải nén/);

    const parts = [1, 2, 3].map((i) => ({
      name: `xl/media/p${i}.bin`,
      data: Buffer.alloc(2 * MB, i),
      declaredSize: 120 * MB,
      stored: true,
    }));
    const total = await refusal(read(workbookZip(sheetXml([['a']]), parts)));
    expect(total.message).toMatch(/vượt quá 320 MB sau khi giải nén/);
  });

  it('refuses a zip whose sheet inflates past the size it declared, while inflating', async () => {
    const liar = workbookZip({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(Array.from({ length: 20_000 }, (_, i) => [`dòng ${i}`, String(i * 7919)])),
      declaredSize: 4096,
    });
    const t0 = performance.now();
    const err = await refusal(read(liar));
    console.info(`lying bomb refused in ${Math.round(performance.now() - t0)} ms`);
    expect(err.code).toBe('IMPORT.TOO_LARGE');
    expect(err.message).toMatch(/khai báo sai kích thước/);
  });

  it('stops a million-row sheet at the row limit without reading it all', async () => {
    const rows: string[] = [];
    for (let i = 1; i <= 1_000_000; i++) rows.push(`<row r="${i}"><c r="A${i}"><v>${i}</v></c></row>`);
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    rows.length = 0;
    const file = workbookZip(xml);
    const t0 = performance.now();
    const err = await refusal(read(file, 'tep.xlsx', 100_000));
    console.info(
      `million-row sheet (${Math.round(file.length / MB)} MB zipped) refused in ${Math.round(performance.now() - t0)} ms`,
    );
    expect(err.code).toBe('IMPORT.TOO_LARGE');
    expect(err.message).toBe('Tệp vượt quá 100.000 dòng; chia thành nhiều tệp');
  });

  it('refuses an executable renamed .xlsx, and a zip that is not a workbook', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 7)]);
    const t0 = performance.now();
    const err = await refusal(read(exe, 'bao-cao.xlsx'));
    console.info(`executable renamed .xlsx refused in ${Math.round(performance.now() - t0)} ms`);
    expect(err.code).toBe('IMPORT.INVALID_FILE');
    const zip = await refusal(read(buildZip([{ name: 'readme.txt', data: 'hello' }])));
    expect(zip.code).toBe('IMPORT.INVALID_FILE');
    expect(zip.message).toMatch(/không phải bảng tính Excel/);
  });

  it('caps imports read at once per user', async () => {
    const file = workbookZip(sheetXml(Array.from({ length: 5_000 }, (_, i) => [`r${i}`])));
    const o = { userId: 'same', maxRows: 20_000 };
    const results = await Promise.allSettled([readTable(file, 'a.xlsx', o), readTable(file, 'b.xlsx', o)]);
    expect(results[0]!.status).toBe('fulfilled');
    const second = results[1] as PromiseRejectedResult;
    expect((second.reason as AppError).code).toBe('IMPORT.BUSY');
    expect((second.reason as AppError).message).toMatch(/tối đa 1 tệp cùng lúc/);
  });
});
