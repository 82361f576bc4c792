import { isConnectionLost } from './connection-errors.js';

/** Errors of the store. Callers act on the class, so subclasses add only what a caller needs. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** DATABASE_URL (or the url given to createDatabase) is not one of the accepted forms. */
export class InvalidDatabaseUrlError extends StoreError {}

/** The database could not be reached or prepared; retrying later may help. */
export class DatabaseUnavailableError extends StoreError {
  readonly isRetryable = true;
}

/** A migration failed; the store is not usable until it is fixed. */
export class MigrationError extends StoreError {
  constructor(
    message: string,
    readonly migrationName: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A value handed to a repository cannot be stored as given (bad timestamp, bad limit). */
export class InvalidStoreInputError extends StoreError {}

/** A row the caller expects to exist does not. */
export class RecordNotFoundError extends StoreError {}

/** Busy rather than gone: SQLite's lock held past the busy timeout, or a PostgreSQL conflict to retry. */
const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', '53300', '40001', '40P01']);

/**
 * An error that says the database is unreachable or busy for now, so "retry later" (503) is the
 * honest answer; anything else is a bug or bad data and must not be dressed up as an outage.
 */
export function isTransientStoreError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError || isConnectionLost(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && BUSY_CODES.has(code)) return true;
  return error instanceof Error && error.cause !== undefined && error.cause !== error && isTransientStoreError(error.cause);
}
