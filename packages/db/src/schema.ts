// The whole Drizzle schema (drizzle.config.ts reads this file): the core tables, then each area's tables.

export * from './budget-schema';
export * from './core-schema';
export * from './import-stage-schema';
export * from './indicators-schema';
export * from './obstacles-schema';
export * from './plan-import-schema';
export * from './plan-schema';
export * from './province-settings-schema';
export * from './provinces-schema';
export * from './records-schema';
export * from './reports-schema';
export * from './tasks-schema';
export * from './urging-schema';
