/**
 * Errors that mean "the database connection went away" rather than "this query is wrong": the
 * server refused or dropped the connection, or shut down. Work that failed with one is retried once
 * the database is back; nothing about the data or the code is wrong.
 */

/** PostgreSQL SQLSTATE codes of a lost or refused connection. */
const CONNECTION_SQLSTATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '57P01', // admin_shutdown (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
]);

/** Node's socket errors on a connection that cannot be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What node-postgres throws for a connection it lost, without a code. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((known) => message.startsWith(known))) return true;
  // An AggregateError (a connect that tried IPv4 and IPv6) or a wrapped error.
  if (Array.isArray(errors) && errors.some((inner) => isConnectionLost(inner, depth + 1))) return true;
  return isConnectionLost(cause, depth + 1);
}
