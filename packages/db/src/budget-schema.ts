// Tables of the budget feature. Exported from schema.ts so drizzle-kit generates their migration.
export {};
