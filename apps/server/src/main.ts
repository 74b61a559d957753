import { analyzeDatabase, DataDirLockedError, openDatabase } from '@dx/db';
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config/env';
import { startJobs } from './jobs/boss';

async function main() {
  const config = loadConfig();
  const handle = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const { seeded, seedChoice, adminPassword } = await bootstrap(handle.db, {
    adminPassword: config.adminPassword,
    seed: config.seed,
  });
  // Planner statistics (issue 12): PGlite has no autovacuum, so every start refreshes them; PostgreSQL after seeding.
  if (handle.kind === 'pglite' || seeded) await analyzeDatabase(handle.db);
  const app = await buildApp({ db: handle.db, config, logger: true, health: handle.health });
  // Scheduled jobs (daily task reminders, plan 54 V.1.a) on the same database.
  const boss = await startJobs(handle);
  const shutdown = async () => {
    await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = handle.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nNền tảng đang chạy tại http://localhost:${config.port}  — dữ liệu: ${where}`);
  if (seedChoice === 'none')
    console.log(
      'Nền tảng trống (SEED=none): chỉ có danh mục tỉnh, thành phố. Đăng nhập quản trị để thêm tỉnh và nhập đơn vị.',
    );
  if (config.seed !== seedChoice)
    console.log(
      `SEED=${config.seed} bị bỏ qua: cơ sở dữ liệu này đã chọn "${seedChoice}" ở lần khởi động đầu.`,
    );
  if (seeded)
    console.log(
      `Đã nạp ${seeded.units} đơn vị (${seeded.versions} phiên bản, ${seeded.successions} quan hệ kế thừa).`,
    );
  if (adminPassword) {
    console.log('\n=== Tài khoản quản trị đầu tiên (chỉ hiện một lần) ===');
    console.log(`  Tên đăng nhập: admin\n  Mật khẩu:      ${adminPassword}`);
    console.log('  Đổi mật khẩu sau khi đăng nhập. (First admin password, shown once.)\n');
  }
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
