/**
 * `npm run demo`: fills Hải Phòng 2023 with demo activity (every record titled "[Dữ liệu mẫu] …") in the database
 * the server uses (DATABASE_URL, or PGlite under DATA_DIR), so a newcomer sees a living dashboard after `npm start`.
 * Runs once: a second run says so and changes nothing. Stop the server first when it runs on PGlite.
 */
import { analyzeDatabase, openDatabase, schema } from '@dx/db';
import { eq } from 'drizzle-orm';
import { bootstrap } from '../apps/server/src/bootstrap';
import { loadConfig } from '../apps/server/src/config/env';
import { generateCity } from './generate';

const config = loadConfig();
const handle = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
);
try {
  const { adminPassword } = await bootstrap(handle.db, { adminPassword: config.adminPassword });
  const [done] = await handle.db.select().from(schema.setting).where(eq(schema.setting.key, 'demo.filled'));
  if (done) {
    console.log('Dữ liệu mẫu đã có sẵn, không nạp lại. (Demo data is already there.)');
  } else {
    const provinceId = await generateCity(handle.db);
    await handle.db
      .insert(schema.setting)
      .values({ key: 'demo.filled', value: { provinceId, year: 2023, label: '[Dữ liệu mẫu]' } });
    // Planner statistics for the rows just loaded (issue 12: without them one evaluation took 70 s on PGlite).
    await analyzeDatabase(handle.db);
    console.log(
      'Đã nạp dữ liệu mẫu cho Hải Phòng năm 2023: 1.000 trường, 300 kênh, 2.000 người, 20.000 tin, bài, 3.000 hoạt động.',
    );
    console.log(
      'Mọi bản ghi mẫu có tiêu đề bắt đầu bằng "[Dữ liệu mẫu]". Chạy `npm start` rồi mở bảng theo dõi chỉ tiêu.',
    );
  }
  if (adminPassword) console.log(`Tài khoản quản trị: admin / ${adminPassword} (chỉ hiện một lần)`);
} finally {
  await handle.close();
}
