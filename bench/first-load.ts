/**
 * The dashboard's first load in Chromium (issue 12, quality bar "dashboard first load measured in Chromium"): a
 * commune officer on a phone over a slow mobile connection must get the first screen quickly.
 *
 * Starts the real server as the e2e runner does (e2e/server.ts: PGlite in a temporary directory, a free port, the
 * seeded Hải Phòng units and plan 54), creates a DX office account (dx_office on Sở Khoa học và Công nghệ, as the
 * e2e specs do), and for each run opens a NEW browser context (empty cache, no service worker), signs in through
 * the API (the cookie is shared with the context) and loads /dashboard cold, recording every request through the
 * DevTools protocol until the network is quiet:
 *   - requests (all: document, scripts, styles, API, icon), JS bytes as transferred (the body as sent, compressed;
 *     the server sends the build's precompressed .br/.gz by Accept-Encoding), all bytes as transferred;
 *   - time to the dashboard's heading and to its first target card.
 * Then the sign-in page cold (what everyone loads first), and a phone profile (390×844, touch, "Slow 4G"-like
 * network through Network.emulateNetworkConditions: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) for first
 * contentful paint, the heading and the cards. Prints p50/p95 and checks the goals: ≤ 300 KB compressed JS and
 * ≤ 12 requests for the dashboard's first load.
 *
 * It builds nothing: the SPA must have been built (`npm run build -w @dx/web`); `npm run bench:web` does both.
 *
 *   npm run bench:web
 *   npm run bench:web -- --runs=7 --phone-runs=3
 *
 * The scripts arrive as brotli when the browser offers it (the server picks the .br file); the gzip size of the same
 * files (.gz, what a client or proxy that only takes gzip receives) is printed beside it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, request } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, root, spawnServer, waitForHealth } from '../e2e/server';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 5);
const PHONE_RUNS = arg('phone-runs', 3);
const ADMIN_PASSWORD = 'bench-admin-password-1234';
const DX = { username: 'bench.vanphong', password: 'bench-mat-khau-5678' };
const GOAL_JS_BYTES = 300_000;
const GOAL_REQUESTS = 12;
const DIST = join(root, 'apps/web/dist');
/** "Slow 4G"-like, as DevTools' preset: per-request latency plus a throughput cap. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

type Entry = {
  url: string;
  type: string;
  status: number;
  encoding: string;
  /** Body bytes as sent (compressed when the server compressed it). */
  body: number;
  /** Body and headers as received. */
  wire: number;
};

type Load = {
  entries: Entry[];
  /** ms from navigation start. */
  fcp: number | null;
  heading: number;
  cards: number | null;
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

/** Records every request of the page through CDP (sizes as transferred, which Playwright's events do not give). */
async function recordNetwork(
  context: BrowserContext,
  page: Awaited<ReturnType<BrowserContext['newPage']>>,
  phone: boolean,
) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (phone) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const byId = new Map<string, Entry & { headers: number; done: boolean }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    byId.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? 'Other',
      status: 0,
      encoding: '',
      body: 0,
      wire: 0,
      headers: 0,
      done: false,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const x = byId.get(e.requestId);
    if (!x) return;
    x.status = e.response.status;
    x.type = e.type ?? x.type;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    x.encoding = String(h['content-encoding'] ?? '');
    x.headers = e.response.encodedDataLength;
    const length = Number(h['content-length']);
    if (Number.isFinite(length)) x.body = length;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const x = byId.get(e.requestId);
    if (!x) return;
    x.wire = e.encodedDataLength;
    if (!x.body) x.body = Math.max(0, e.encodedDataLength - x.headers);
    x.done = true;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const x = byId.get(e.requestId);
    if (x) x.done = true;
  });
  return () => [...byId.values()].map(({ headers: _h, done: _d, ...e }) => e);
}

async function newContext(browser: Browser, base: string, phone: boolean) {
  return browser.newContext({
    baseURL: base,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...(phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 860 } }),
  });
}

/** One cold load of `path` in a fresh context; signed in as the DX office first when `signedIn`. */
async function coldLoad(
  browser: Browser,
  base: string,
  path: string,
  opts: { phone: boolean; signedIn: boolean },
) {
  const context = await newContext(browser, base, opts.phone);
  try {
    if (opts.signedIn) {
      const r = await context.request.post(`${base}/api/auth/sign-in`, { data: DX });
      if (!r.ok()) throw new Error(`sign-in failed: ${r.status()} ${await r.text()}`);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const entries = await recordNetwork(context, page, opts.phone);
    const started = Date.now();
    await page.goto(path, { waitUntil: 'commit' });
    let heading: number;
    let cards: number | null = null;
    if (opts.signedIn) {
      await page.getByRole('heading', { name: 'Bảng điều khiển chỉ tiêu' }).waitFor();
      heading = Date.now() - started;
      await page
        .getByRole('article', { name: /^Chỉ tiêu / })
        .first()
        .waitFor();
      cards = Date.now() - started;
    } else {
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      heading = Date.now() - started;
    }
    // Everything the first load asks for (the trend after the cards, icons, lazy chunks) until the network is quiet.
    await page.waitForLoadState('networkidle');
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    return { entries: entries(), fcp, heading, cards } satisfies Load;
  } finally {
    await context.close();
  }
}

const js = (e: Entry) => e.type === 'Script';
const sum = (es: Entry[], f: (e: Entry) => number) => es.reduce((a, e) => a + f(e), 0);

/** The gzip size of the scripts a load fetched, from the build's .gz files (a client that does not take brotli). */
function gzipBytes(es: Entry[]): number {
  return sum(es.filter(js), (e) => {
    const file = join(DIST, new URL(e.url).pathname);
    if (existsSync(`${file}.gz`)) return statSync(`${file}.gz`).size;
    return existsSync(file) ? statSync(file).size : 0;
  });
}

function summarise(title: string, loads: Load[], goals: boolean) {
  const requests = loads.map((l) => l.entries.length);
  const jsBytes = loads.map((l) => sum(l.entries.filter(js), (e) => e.body));
  const jsCount = loads.map((l) => l.entries.filter(js).length);
  const all = loads.map((l) => sum(l.entries, (e) => e.wire));
  const gzip = loads.map((l) => gzipBytes(l.entries));
  const encodings = [...new Set(loads.flatMap((l) => l.entries.filter(js).map((e) => e.encoding || 'none')))];
  const times = (pick: (l: Load) => number | null) => loads.map(pick).filter((x): x is number => x !== null);
  const line = (label: string, xs: number[], fmt: (n: number) => string) =>
    xs.length &&
    console.log(
      `  ${label.padEnd(28)} p50 ${fmt(pct(xs, 50)).padStart(10)}   p95 ${fmt(pct(xs, 95)).padStart(10)}`,
    );
  const msf = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`\n${title} (${loads.length} cold loads)`);
  line('requests', requests, String);
  line('  of which scripts', jsCount, String);
  line(`JS transferred (${encodings.join('/')})`, jsBytes, kb);
  line('JS as gzip (.gz files)', gzip, kb);
  line('all bytes transferred', all, kb);
  line(
    'first contentful paint',
    times((l) => l.fcp),
    msf,
  );
  line(
    'heading shown',
    times((l) => l.heading),
    msf,
  );
  line(
    'target cards shown',
    times((l) => l.cards),
    msf,
  );
  if (goals) {
    const worstJs = Math.max(...jsBytes);
    const worstReq = Math.max(...requests);
    console.log(
      `  goal JS ≤ ${kb(GOAL_JS_BYTES)}: ${worstJs <= GOAL_JS_BYTES ? 'met' : 'NOT met'} (worst ${kb(worstJs)}); ` +
        `goal requests ≤ ${GOAL_REQUESTS}: ${worstReq <= GOAL_REQUESTS ? 'met' : 'NOT met'} (worst ${worstReq})`,
    );
  }
  const last = loads.at(-1)!;
  console.log('  requests of the last load:');
  for (const e of last.entries)
    console.log(
      `    ${e.type.padEnd(10)} ${String(e.status).padEnd(4)} ${(e.encoding || '-').padEnd(5)} ${kb(e.body).padStart(9)}  ${new URL(e.url).pathname}${new URL(e.url).search.slice(0, 60)}`,
    );
}

/** The admin creates the DX office account the loads sign in with. */
async function createDxOffice(base: string) {
  const api = await request.newContext({ baseURL: base });
  try {
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of the answers it asked for.
    const ok = async (r: Awaited<ReturnType<typeof api.get>>, what: string): Promise<any> => {
      if (!r.ok()) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
      return r.json();
    };
    await ok(
      await api.post('/api/auth/sign-in', { data: { username: 'admin', password: ADMIN_PASSWORD } }),
      'admin sign-in',
    );
    const me = await ok(await api.get('/api/auth/me'), 'me');
    const provinceId = (await ok(await api.get('/api/provinces'), 'provinces')).items[0].provinceId as string;
    const units = await ok(
      await api.get('/api/org-units', { params: { provinceId, q: 'khoa hoc va cong nghe', limit: 20 } }),
      'org units',
    );
    const unit = (units.items as { unitId: string; name: string }[]).find(
      (u) => u.name === 'Sở Khoa học và Công nghệ',
    );
    if (!unit) throw new Error('Sở Khoa học và Công nghệ not found');
    await ok(
      await api.post('/api/users', {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {
          ...DX,
          displayName: 'Văn phòng chuyển đổi số',
          grants: [{ role: 'dx_office', unitId: unit.unitId }],
        },
      }),
      'create the DX office account',
    );
  } finally {
    await api.dispose();
  }
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('apps/web/dist is missing: run `npm run build -w @dx/web` first (or `npm run bench:web`).');
    process.exit(2);
  }
  const built = new Date(statSync(join(DIST, 'index.html')).mtimeMs).toISOString();
  const scripts = (readFileSync(join(DIST, 'index.html'), 'utf8').match(/\.js"/g) ?? []).length;
  console.log(`first load of the dashboard — build of ${built} (index.html names ${scripts} scripts)`);
  const srv = await spawnServer('dx-bench-web-', { ADMIN_PASSWORD, SIGN_IN_RATE_LIMIT: '1000' });
  let browser: Browser | undefined;
  try {
    await waitForHealth(srv.base, srv.server);
    await createDxOffice(srv.base);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    // One warm-up load (the server's first evaluation of plan 54 and Chromium's own start are not the page's cost).
    await coldLoad(browser, srv.base, '/dashboard', { phone: false, signedIn: true });
    const desk: Load[] = [];
    for (let i = 0; i < RUNS; i++)
      desk.push(await coldLoad(browser, srv.base, '/dashboard', { phone: false, signedIn: true }));
    const signIn: Load[] = [];
    for (let i = 0; i < RUNS; i++)
      signIn.push(await coldLoad(browser, srv.base, '/sign-in', { phone: false, signedIn: false }));
    const phone: Load[] = [];
    for (let i = 0; i < PHONE_RUNS; i++)
      phone.push(await coldLoad(browser, srv.base, '/dashboard', { phone: true, signedIn: true }));
    const phoneSignIn: Load[] = [];
    for (let i = 0; i < PHONE_RUNS; i++)
      phoneSignIn.push(await coldLoad(browser, srv.base, '/sign-in', { phone: true, signedIn: false }));
    summarise('Dashboard, desktop 1280×860, unthrottled', desk, true);
    summarise('Sign-in page, desktop, unthrottled', signIn, false);
    summarise('Dashboard, phone 390×844, Slow 4G (150 ms RTT, 1.6 Mbit/s)', phone, true);
    summarise('Sign-in page, phone, Slow 4G', phoneSignIn, false);
  } catch (error) {
    console.error(error);
    console.error(srv.log().split('\n').slice(-30).join('\n'));
    process.exitCode = 1;
  } finally {
    await browser?.close();
    await srv.stop(true);
  }
}

void main();
