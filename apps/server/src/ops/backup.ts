/**
 * `npm run backup [-- <file>]`: a full copy of the platform's database (docs/operations.md § Backup) — tables,
 * pg-boss's schema, stored files. PostgreSQL (DATABASE_URL): pg_dump, while the server runs. Embedded (DATA_DIR):
 * the server must be stopped (its data directory is locked while it runs). Default file: backups/dx-<time>.<ext>.
 */
import { backupEmbedded, backupPostgres } from '@dx/db/backup';
import { loadConfig } from '../config/env';

const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = process.argv[2] ?? `backups/dx-${stamp}.${config.databaseUrl ? 'pgdump' : 'pglite.tar.gz'}`;
try {
  if (config.databaseUrl) backupPostgres(config.databaseUrl, file);
  else await backupEmbedded(config.dataDir, file);
  console.log(`Đã sao lưu vào ${file} (backup written).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
