/**
 * The bench's statement counter: statements and commits on SQLite, round trips and commits on
 * PostgreSQL, counted at the drivers; a write outside a transaction is a commit of its own.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startStatementCounter } from '../../bench/statement-counter.js';
import { postgresUrl } from '../service/support/test-services.js';

describe('statement counter', () => {
  it('counts SQLite statements, explicit commits and writes that commit on their own; stop restores the driver', () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('create table t (x integer)');
    const counter = startStatementCounter({ record: true });
    try {
      database.prepare('insert into t values (1)').run();
      database.prepare('select * from t').all();
      database.prepare('begin').run();
      database.prepare('insert into t values (2)').run();
      database.prepare('update t set x = x + 1').run();
      database.prepare('commit').run();
    } finally {
      counter.stop();
    }
    expect(counter.sqlite).toEqual({ statements: 6, commits: 2 });
    expect(counter.recorded).toHaveLength(6);
    database.prepare('insert into t values (3)').run();
    expect(counter.sqlite.statements).toBe(6);
    expect(() => startStatementCounter().stop()).not.toThrow();
    database.close();
  });

  it('counts PostgreSQL round trips and commits', async () => {
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    const counter = startStatementCounter();
    try {
      await client.query('create temporary table t (x integer)');
      await client.query('insert into t values ($1)', [1]);
      await client.query('begin');
      await client.query({ text: 'update t set x = x + 1' });
      await client.query('select * from t');
      await client.query('commit');
    } finally {
      counter.stop();
      await client.end();
    }
    // The insert outside a transaction commits on its own; `create` is no write we count.
    expect(counter.postgres).toEqual({ statements: 6, commits: 2 });
  });
});
