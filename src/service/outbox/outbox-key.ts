/**
 * Where the outbox key comes from: the OUTBOX_ENCRYPTION_KEY setting (32 bytes, base64), or else a
 * key file (OUTBOX_KEY_FILE, by default `outbox.key` beside the SQLite database) that the first
 * start creates with mode 0600 and every later start reads.
 *
 * On PostgreSQL there is no "beside the database", and several processes on several machines must
 * share one key (any of them may deliver any entry), so one of the two settings is required there.
 * An in-memory SQLite store lives only as long as its process, and so does its key.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { parseDatabaseUrl } from '../store/database.js';
import { OUTBOX_KEY_BYTES } from './outbox-cipher.js';

export const DEFAULT_OUTBOX_KEY_FILE_NAME = 'outbox.key';

export interface OutboxKeySettings {
  OUTBOX_ENCRYPTION_KEY?: string | undefined;
  OUTBOX_KEY_FILE?: string | undefined;
}

export type OutboxKeySource = 'setting' | 'key-file' | 'created-key-file' | 'in-memory';

export interface OutboxKey {
  key: Buffer;
  source: OutboxKeySource;
  /** The key file read or created, when there is one. */
  file?: string;
}

export function loadOutboxKey(settings: OutboxKeySettings, databaseUrl: string): OutboxKey {
  if (settings.OUTBOX_ENCRYPTION_KEY) {
    return { key: decodeKey(settings.OUTBOX_ENCRYPTION_KEY, 'OUTBOX_ENCRYPTION_KEY'), source: 'setting' };
  }
  const location = parseDatabaseUrl(databaseUrl);
  let file = settings.OUTBOX_KEY_FILE;
  if (!file) {
    if (location.dialect === 'postgres') {
      throw new ConfigError(
        'on PostgreSQL the outbox needs a key that every process shares: set OUTBOX_ENCRYPTION_KEY ' +
          '(32 random bytes, base64: `openssl rand -base64 32`) or OUTBOX_KEY_FILE (a file holding one)',
      );
    }
    if (location.filename === ':memory:') return { key: randomBytes(OUTBOX_KEY_BYTES), source: 'in-memory' };
    file = path.join(path.dirname(path.resolve(location.filename)), DEFAULT_OUTBOX_KEY_FILE_NAME);
  }
  const created = createKeyFileIfAbsent(file);
  return { key: readKeyFile(file), source: created ? 'created-key-file' : 'key-file', file };
}

/** Exclusive create: two processes starting at once never both write a key (one would lose). */
function createKeyFileIfAbsent(file: string): boolean {
  try {
    writeFileSync(file, `${randomBytes(OUTBOX_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw new ConfigError(`cannot create the outbox key file ${file} (OUTBOX_KEY_FILE): ${describe(error)}`, { cause: error });
  }
}

function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the outbox key file ${file} (OUTBOX_KEY_FILE): ${describe(error)}`, { cause: error });
  }
  return decodeKey(text, `the outbox key file ${file}`);
}

function decodeKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  // Buffer.from ignores characters outside the alphabet: re-encoding catches a mistyped key.
  if (key.length !== OUTBOX_KEY_BYTES || key.toString('base64') !== trimmed) {
    throw new ConfigError(`${name} must hold ${OUTBOX_KEY_BYTES} bytes in base64 (make one with \`openssl rand -base64 32\`)`);
  }
  return key;
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
