import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every schema file. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** A CHECK constraint's IN list from a domain enum (values are code constants, never user input). */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
