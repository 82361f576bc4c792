/** The store's public surface: open, migrate, and the repositories the domain and service call. */
export { createDatabase, parseDatabaseUrl } from './database.js';
export type { CreateDatabaseOptions, Database, DatabaseLocation, StoreHandle } from './database.js';
export { dialectOf, lockForUpdate, lockForUpdateSkipLocked, isUniqueViolation, toTimestamp } from './dialect.js';
export type { DialectName } from './dialect.js';
export * from './errors.js';
export { migrateToLatest, migrations } from './migrations/migrator.js';
export type { MigrationSummary } from './migrations/migrator.js';
export * from './repositories/audit-repository.js';
export * from './repositories/crm-repository.js';
export * from './repositories/decision-repository.js';
export * from './repositories/outbox-repository.js';
export * from './repositories/run-repository.js';
export * from './repositories/ticket-repository.js';
export * from './repositories/with-transaction.js';
export { createStoreCrm } from './store-crm.js';
export type { JobRow, JobStatus, JobsTable, NewJobRow, JobRowUpdate } from './tables/jobs.js';
