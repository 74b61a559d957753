// Tables of the reports feature. Exported from schema.ts so drizzle-kit generates their migration.
export {};
