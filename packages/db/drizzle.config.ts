import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from src/schema.ts. Read the SQL before committing; never edit a landed file.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema.ts',
  out: './packages/db/migrations',
});
