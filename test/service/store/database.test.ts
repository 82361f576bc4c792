import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl } from '../../../src/service/store/database.js';
import { DatabaseUnavailableError, InvalidDatabaseUrlError } from '../../../src/service/store/errors.js';
import { dropSchema, POSTGRES_URL, randomSchemaName, storeDialects } from './store-dialects.js';

describe('DATABASE_URL', () => {
  it.each([
    ['mysql://root:hunter2@db.example/triage', 'unsupported scheme "mysql:"'],
    ['./var/triage.db', 'has no scheme'],
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['sqlite:', 'names no file'],
    ['postgres://bad host:5432/x', 'not a valid PostgreSQL url'],
  ])('%j is refused with a message naming DATABASE_URL and the accepted forms', async (url, reason) => {
    const error = await createDatabase(url).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidDatabaseUrlError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain(reason);
    expect(message).toContain('sqlite:./var/triage.db');
    expect(message).toContain('sqlite::memory:');
    expect(message).toContain('postgres://');
  });

  it.each(['mysql://root:hunter2@db.example/triage', 'postgres://root:hunter2@bad host/triage'])(
    'never repeats the password of %j in the error',
    (url) => {
      let message = '';
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('DATABASE_URL');
      expect(message).not.toContain('hunter2');
    },
  );

  it('accepts the documented forms', () => {
    expect(parseDatabaseUrl('sqlite:./var/triage.db')).toEqual({ dialect: 'sqlite', filename: './var/triage.db' });
    expect(parseDatabaseUrl('sqlite:/tmp/a b/triage.db')).toEqual({ dialect: 'sqlite', filename: '/tmp/a b/triage.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
    expect(parseDatabaseUrl('postgres://u:p@127.0.0.1:5432/test')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://u:p@127.0.0.1:5432/test',
    });
    expect(parseDatabaseUrl('postgresql://127.0.0.1/test').dialect).toBe('postgres');
  });

  it('an unreachable PostgreSQL is a retryable DatabaseUnavailableError naming DATABASE_URL', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const error = await createDatabase('postgres://postgres@127.0.0.1:1/test', { schema: 'unused' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).isRetryable).toBe(true);
    expect((error as Error).message).toContain('DATABASE_URL');
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(createDatabase(POSTGRES_URL, { schema: 'x"; drop schema public; --' })).rejects.toBeInstanceOf(
      InvalidDatabaseUrlError,
    );
  });
});

describe('sqlite connection settings', () => {
  it('creates the parent folder and turns on WAL, busy_timeout 5000 and foreign keys', async () => {
    const location = storeDialects.find((dialect) => dialect.name === 'sqlite')!.createLocation();
    const handle = await location.open();
    try {
      const pragma = async (name: string) =>
        Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(handle.db)).rows[0] ?? {})[0];
      expect(handle.dialect).toBe('sqlite');
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('foreign_keys')).toBe(1);
    } finally {
      await handle.close();
      await location.destroy();
    }
  });

  it('sqlite::memory: opens a store without touching the disk', async () => {
    const handle = await createDatabase('sqlite::memory:');
    try {
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows[0]?.one).toBe(1);
      expect(existsSync(':memory:')).toBe(false);
    } finally {
      await handle.close();
    }
  });
});

describe('postgres schema option', () => {
  it('creates the schema and puts every pooled connection on it', async () => {
    const schema = randomSchemaName();
    const handle = await createDatabase(POSTGRES_URL, { schema });
    try {
      expect(handle.dialect).toBe('postgres');
      // More queries at once than one connection can serve, so the pool opens several.
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          handle.db.connection().execute(async (connection) => {
            const { rows } = await sql<{ schema: string; pid: number }>`
              select current_schema() as schema, pg_backend_pid() as pid, pg_sleep(0.05)
            `.execute(connection);
            return rows[0]!;
          }),
        ),
      );
      expect(new Set(answers.map((answer) => answer.pid)).size).toBeGreaterThan(1);
      expect(new Set(answers.map((answer) => answer.schema))).toEqual(new Set([schema]));
    } finally {
      await handle.close();
      await dropSchema(schema);
    }
  });

  it('opening the same new schema from several stores at once succeeds for all', async () => {
    const schema = randomSchemaName();
    const handles = await Promise.all(Array.from({ length: 4 }, () => createDatabase(POSTGRES_URL, { schema })));
    try {
      expect(handles).toHaveLength(4);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await dropSchema(schema);
    }
  });
});
