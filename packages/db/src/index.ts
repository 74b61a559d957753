export * from './client';
export * as schema from './schema';
export * from './queries/audit';
export * from './queries/org-units';
export * from './queries/unit-groups';
export * from './queries/users';
export * from './seed/seed';
