/** Where the outbox key comes from, and the cipher it feeds. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';
import { ConfigError } from '../../../src/service/errors.js';
import { createOutboxCipher, OutboxKeyError } from '../../../src/service/outbox/outbox-cipher.js';
import { loadOutboxKey } from '../../../src/service/outbox/outbox-key.js';
import { runWorkerProcess } from '../../../src/service/worker/worker-process.js';
import { createRecordingLogger, type LogRecord } from '../queue/support/recording-logger.js';

describe('loadOutboxKey', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'outbox-key-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates outbox.key beside the SQLite database once, mode 0600, and reads the same key afterwards', () => {
    const databaseUrl = `sqlite:${join(folder, 'triage.db')}`;
    const first = loadOutboxKey({}, databaseUrl);
    const file = join(folder, 'outbox.key');
    expect(first).toMatchObject({ source: 'created-key-file', file });
    expect(first.key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = readFileSync(file, 'utf8');

    const second = loadOutboxKey({}, databaseUrl);
    expect(second).toMatchObject({ source: 'key-file', file });
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('uses OUTBOX_KEY_FILE when set, and OUTBOX_ENCRYPTION_KEY before any file', () => {
    const file = join(folder, 'elsewhere.key');
    const fromFile = loadOutboxKey({ OUTBOX_KEY_FILE: file }, `sqlite:${join(folder, 'triage.db')}`);
    expect(fromFile).toMatchObject({ source: 'created-key-file', file });
    const setting = Buffer.alloc(32, 3).toString('base64');
    const fromSetting = loadOutboxKey({ OUTBOX_ENCRYPTION_KEY: setting, OUTBOX_KEY_FILE: file }, 'postgres://postgres@127.0.0.1:5432/test');
    expect(fromSetting.source).toBe('setting');
    expect(fromSetting.key.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it('on PostgreSQL requires the setting or a key file, and says so', () => {
    expect(() => loadOutboxKey({}, 'postgres://postgres@127.0.0.1:5432/test')).toThrow(ConfigError);
    expect(() => loadOutboxKey({}, 'postgres://postgres@127.0.0.1:5432/test')).toThrow(/OUTBOX_ENCRYPTION_KEY.*OUTBOX_KEY_FILE/);
    const file = join(folder, 'shared.key');
    expect(loadOutboxKey({ OUTBOX_KEY_FILE: file }, 'postgres://postgres@127.0.0.1:5432/test').source).toBe('created-key-file');
  });

  it('refuses a key of the wrong length or a mistyped one, naming where it came from', () => {
    expect(() => loadOutboxKey({ OUTBOX_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, 'sqlite::memory:')).toThrow(/OUTBOX_ENCRYPTION_KEY must hold 32 bytes/);
    expect(() => loadOutboxKey({ OUTBOX_ENCRYPTION_KEY: `${Buffer.alloc(32).toString('base64')}!` }, 'sqlite::memory:')).toThrow(/OUTBOX_ENCRYPTION_KEY/);
    const file = join(folder, 'broken.key');
    writeFileSync(file, 'not a key\n');
    expect(() => loadOutboxKey({ OUTBOX_KEY_FILE: file }, 'sqlite::memory:')).toThrow(/broken\.key must hold 32 bytes/);
  });

  it('an in-memory SQLite store gets a key that lives as long as the process', () => {
    expect(loadOutboxKey({}, 'sqlite::memory:').source).toBe('in-memory');
  });
});

describe('the outbox cipher', () => {
  const cipher = createOutboxCipher(Buffer.alloc(32, 1));

  it('opens what it sealed, and each seal differs (fresh nonce)', () => {
    const text = 'Hi Ada, write to ada@example.com ✓';
    const first = cipher.seal(text, 'generic:1');
    expect(cipher.open(first, 'generic:1')).toBe(text);
    expect(cipher.seal(text, 'generic:1')).not.toBe(first);
    expect(first).not.toContain('ada@example.com');
  });

  it('refuses another key, another ticket, or an altered ciphertext', () => {
    const sealed = cipher.seal('Hi Ada', 'generic:1');
    expect(() => createOutboxCipher(Buffer.alloc(32, 2)).open(sealed, 'generic:1')).toThrow(OutboxKeyError);
    expect(() => cipher.open(sealed, 'generic:2')).toThrow(OutboxKeyError);
    const [format, nonce, tag, body] = sealed.split(':');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.open([format, nonce, tag, flipped.toString('base64')].join(':'), 'generic:1')).toThrow(OutboxKeyError);
    expect(() => cipher.open('plain text', 'generic:1')).toThrow(/format/);
  });
});

describe('a worker starting on a new SQLite store', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'outbox-key-worker-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function startAndStop(): Promise<LogRecord[]> {
    const logger = createRecordingLogger();
    await runWorkerProcess(loadConfig({ DATABASE_URL: `sqlite:${join(folder, 'triage.db')}`, TRIAGE_THREADS: '0' }), {
      logger,
      signals: [],
      sweepIntervalMs: 0,
      onReady: (running) => running.stop(),
    });
    return logger.records;
  }

  it('says once that it created the key file and that it must be backed up', async () => {
    const first = await startAndStop();
    expect(first.filter((record) => record.message.includes('outbox key'))).toEqual([
      { level: 'warn', fields: { file: join(folder, 'outbox.key') }, message: 'created a new outbox key file; back it up with the database' },
    ]);
    const second = await startAndStop();
    expect(second.filter((record) => record.message.includes('outbox key'))).toEqual([]);
  });
});
