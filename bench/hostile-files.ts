/**
 * Hostile files against the real server (issue 14 quality bar): zip bombs (by ratio, by declared size, lying while
 * inflating), a million-row sheet, an executable renamed .xlsx, and ordinary-looking files typed in a legacy font
 * (TCVN3), in NFD and with old/new tone placement, uploaded as multipart imports by four senders at once, round after
 * round, while /api/health is polled every 50 ms and the server's RSS sampled from /proc. Goals: RSS stays under
 * 512 MB above idle; /api/health p99 under 100 ms. Each file's answer (status and code) is printed.
 *
 *   node --import tsx bench/hostile-files.ts [--rounds=3] [--only=bomb]
 *
 * The server is apps/server/src/main.ts on PGlite in a temporary directory (e2e/server.ts), seeded with Hải Phòng.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PUBLICATION_IMPORT_COLUMNS } from '@dx/domain';
import ExcelJS from 'exceljs';
import { buildZip, sheetXml, workbookZip } from '../apps/server/src/lib/zip-fixture';
import { spawnServer, waitForHealth } from '../e2e/server';

const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
/** --only=<text>: only the files whose name contains it (to see which one costs what). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const ADMIN_PASSWORD = 'bench-admin-password-1234';
const MB = 1024 * 1024;
/** The columns the generated rows fill, in the template's order: channel, title, published on, format. */
const COLUMNS: string[] = ['channel', 'title', 'publishedOn', 'format'];
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

/** A publications workbook in the platform's template layout (PUBLICATION_IMPORT_COLUMNS' headers). */
async function publications(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tin bài');
  ws.addRow(PUBLICATION_IMPORT_COLUMNS.filter((c) => COLUMNS.includes(c.key)).map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function hostileFiles(): Promise<{ name: string; fileName: string; bytes: Buffer }[]> {
  const million: string[] = [];
  for (let i = 1; i <= 1_000_000; i++) million.push(`<row r="${i}"><c r="A${i}"><v>${i}</v></c></row>`);
  const millionXml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${million.join('')}</sheetData></worksheet>`;
  million.length = 0;
  const many = (n: number, row: (i: number) => string[]) => Array.from({ length: n }, (_, i) => row(i));
  return [
    {
      name: 'ratio bomb (200 MB of spaces)',
      fileName: 'bom-ti-le.xlsx',
      bytes: workbookZip({ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * MB, 0x20) }),
    },
    {
      name: 'declared 300 MB',
      fileName: 'bom-khai-bao.xlsx',
      bytes: workbookZip({
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(300 * 1024, 0x41).toString(),
        declaredSize: 300 * MB,
        stored: true,
      }),
    },
    {
      name: 'lying sizes (inflates past what it declares)',
      fileName: 'bom-noi-doi.xlsx',
      bytes: workbookZip({
        name: 'xl/worksheets/sheet1.xml',
        data: sheetXml(many(20_000, (i) => [`dòng ${i}`, String(i * 7919)])),
        declaredSize: 4096,
      }),
    },
    { name: 'a million-row sheet', fileName: 'trieu-dong.xlsx', bytes: workbookZip(millionXml) },
    {
      name: 'executable renamed .xlsx',
      fileName: 'bao-cao.xlsx',
      bytes: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64 * 1024, 7)]),
    },
    {
      name: 'zip that is not a workbook',
      fileName: 'nen.xlsx',
      bytes: buildZip([{ name: 'readme.txt', data: 'hello' }]),
    },
    {
      name: 'TCVN3 text (2,000 rows)',
      fileName: 'tcvn3.xlsx',
      bytes: await publications(
        many(2000, (i) => ['Cổng TTĐT quận Hải An', `ChuyÓn ®æi sè sè ${i}`, '10/03/2023', 'tin/bài']),
      ),
    },
    {
      name: 'NFD and old/new tone placement (2,000 rows)',
      fileName: 'nfd.xlsx',
      bytes: await publications(
        many(2000, (i) => [
          (i % 2 ? 'Cổng TTĐT thành phố Thuỷ Nguyên' : 'Cổng TTĐT thành phố Thủy Nguyên').normalize('NFD'),
          `Chuyển đổi số ở Thuỷ Nguyên, Hoà Bình ${i}`.normalize('NFD'),
          '10/03/2023',
          'tin/bài',
        ]),
      ),
    },
  ];
}

function multipart(fileName: string, content: Buffer) {
  const boundary = `----dxhostile${Date.now()}${Math.random().toString(36).slice(2)}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

const rssOf = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
};

async function main() {
  const files = (await hostileFiles()).filter((f) => !ONLY || f.name.includes(ONLY));
  const srv = await spawnServer('dx-hostile-', { ADMIN_PASSWORD, DATABASE_URL: '' });
  try {
    await waitForHealth(srv.base, srv.server);
    const pid = srv.server.pid!;
    // Sign in as the administrator, and make three more importers (imports are capped per user and overall).
    const session = async (username: string, password: string) => {
      const r = await fetch(`${srv.base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!r.ok) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
      const cookie = r.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const me = (await (await fetch(`${srv.base}/api/auth/me`, { headers: { cookie } })).json()) as {
        csrfToken: string;
      };
      return { cookie, csrf: me.csrfToken };
    };
    const admin = await session('admin', ADMIN_PASSWORD);
    const provinces = (await (
      await fetch(`${srv.base}/api/provinces`, { headers: { cookie: admin.cookie } })
    ).json()) as {
      items: { provinceId: string }[];
    };
    const provinceId = provinces.items[0]!.provinceId;
    const senders = [admin];
    for (let i = 1; i <= 3; i++) {
      const username = `bench.importer${i}`;
      const password = `bench-importer-password-${i}`;
      const r = await fetch(`${srv.base}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        body: JSON.stringify({
          username,
          password,
          displayName: `Người nhập ${i}`,
          grants: [{ role: 'dx_office', unitId: provinceId }],
        }),
      });
      if (!r.ok) throw new Error(`create importer: ${r.status} ${await r.text()}`);
      senders.push(await session(username, password));
    }

    // Idle RSS after a warm-up request, then sample every 50 ms while the files go in.
    await fetch(`${srv.base}/api/health`);
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssOf(pid);
    let peak = idle;
    const health: number[] = [];
    let healthFailures = 0;
    let running = true;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid));
    }, 50);
    const poller = (async () => {
      while (running) {
        const t0 = performance.now();
        const r = await fetch(`${srv.base}/api/health`).catch(() => null);
        health.push(performance.now() - t0);
        if (!r?.ok) healthFailures++;
        await new Promise((res) => setTimeout(res, 50));
      }
    })();

    const answers = new Map<string, Map<string, number>>();
    const took = new Map<string, number[]>();
    const t0 = performance.now();
    await Promise.all(
      senders.map(async (s, k) => {
        for (let round = 0; round < ROUNDS; round++)
          for (let i = 0; i < files.length; i++) {
            const f = files[(i + k * 2) % files.length]!;
            const { contentType, body } = multipart(f.fileName, f.bytes);
            const start = performance.now();
            const r = await fetch(`${srv.base}/api/imports/publications/file?provinceId=${provinceId}`, {
              method: 'POST',
              headers: { 'content-type': contentType, cookie: s.cookie, 'x-csrf-token': s.csrf },
              body,
            });
            const text = await r.text();
            took.set(f.name, [...(took.get(f.name) ?? []), performance.now() - start]);
            const code = r.ok
              ? 'dry run'
              : ((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '?');
            const key = `${r.status} ${code}`;
            const byFile = answers.get(f.name) ?? new Map<string, number>();
            byFile.set(key, (byFile.get(key) ?? 0) + 1);
            answers.set(f.name, byFile);
          }
      }),
    );
    const wall = performance.now() - t0;
    running = false;
    await poller;
    clearInterval(sampler);

    console.log(
      `Hostile files: ${senders.length} senders × ${ROUNDS} rounds × ${files.length} files in ${(wall / 1000).toFixed(1)} s; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const f of files) {
      const a = [...(answers.get(f.name) ?? new Map()).entries()].map(([k, n]) => `${k} ×${n}`).join(', ');
      const ts = took.get(f.name) ?? [];
      console.log(
        `  ${f.name} (${(f.bytes.length / 1024).toFixed(0)} KB): ${a}; answered in p50 ${pct(ts, 50).toFixed(0)} ms, max ${Math.max(...ts).toFixed(0)} ms`,
      );
    }
    const above = (peak - idle) / MB;
    const p99 = pct(health, 99);
    console.log(
      `  server RSS: idle ${(idle / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, +${above.toFixed(0)} MB (goal < 512 MB: ${above < 512 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  /api/health meanwhile (${health.length} polls, ${healthFailures} not 200): p50 ${pct(health, 50).toFixed(1)} ms, p95 ${pct(health, 95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms (goal p99 < 100 ms: ${p99 < 100 ? 'met' : 'NOT met'})`,
    );
    if (srv.server.exitCode !== null) console.log(`  THE SERVER EXITED (code ${srv.server.exitCode})`);
  } finally {
    await srv.stop(true);
  }
}

await main();
