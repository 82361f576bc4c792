/**
 * A fixed outbox key for tests whose store is PostgreSQL, where the service requires one to be set
 * (OUTBOX_ENCRYPTION_KEY) rather than generating a key file beside the database.
 */
export const TEST_OUTBOX_KEY = Buffer.alloc(32, 7).toString('base64');
