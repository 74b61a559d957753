/**
 * `npm run restore -- <file>`: puts a copy made by `npm run backup` back (docs/operations.md § Restore). Stop the
 * server first. PostgreSQL (DATABASE_URL): pg_restore --clean in one transaction (all or nothing). Embedded
 * (DATA_DIR): the current data directory is kept aside as `<dir>.before-restore-<time>`, never deleted.
 */
import { restoreEmbedded, restorePostgres } from '@dx/db/backup';
import { loadConfig } from '../config/env';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng (usage): npm run restore -- <tệp sao lưu>');
  process.exit(2);
}
const config = loadConfig();
try {
  if (config.databaseUrl) restorePostgres(file, config.databaseUrl);
  else {
    const aside = await restoreEmbedded(file, config.dataDir);
    if (aside) console.log(`Dữ liệu cũ được giữ tại ${aside} (previous data kept aside).`);
  }
  console.log(`Đã khôi phục từ ${file} (restored). Khởi động lại máy chủ (start the server).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
