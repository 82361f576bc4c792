/**
 * The exact text an outbox entry delivers, sealed at rest with AES-256-GCM.
 *
 * The outbox's `text` column holds the scrubbed copy that the console, the CLI and the audit trail
 * show; what goes to the customer (their own email, a reviewer's edit as typed) is kept only in
 * `sealed_text`, encrypted, and wiped once delivered. A sealed text is bound to its ticket (the
 * ticket id is the additional authenticated data), so a ciphertext moved to another ticket's row
 * does not open. A wrong key never falls back to the scrubbed or any other text: it throws.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { OutboxError } from './errors.js';

export const OUTBOX_KEY_BYTES = 32;
/** GCM's recommended nonce length; a fresh random one for every seal. */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Names the format, so a later one (another cipher, a key id) can be told apart. */
const FORMAT = 'v1';

/** The key does not open a sealed text (another key, or the text was altered): non-retryable. */
export class OutboxKeyError extends OutboxError {
  readonly isRetryable = false;
}

export interface OutboxCipher {
  /** `v1:<nonce>:<tag>:<ciphertext>`, each base64. */
  seal(text: string, ticketId: string): string;
  open(sealed: string, ticketId: string): string;
}

/**
 * Sealed texts this cipher made lately, with what they seal: the worker seals a reply in the
 * decision's transaction and its dispatcher opens it right after the commit, in the same process
 * with the same cipher. Opening one of these gives back the text it sealed without decrypting
 * (the same text decrypting gives: same key, same ticket). Forgotten once opened; bounded.
 */
export const RECENT_SEALS_LIMIT = 64;

export function createOutboxCipher(key: Buffer): OutboxCipher {
  if (key.length !== OUTBOX_KEY_BYTES) {
    throw new OutboxKeyError(`the outbox key must be ${OUTBOX_KEY_BYTES} bytes, got ${key.length}`);
  }
  const recentSeals = new Map<string, { ticketId: string; text: string }>();
  return {
    seal(text, ticketId) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(ticketId, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      const sealed = [FORMAT, nonce.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
      if (recentSeals.size >= RECENT_SEALS_LIMIT) recentSeals.delete(recentSeals.keys().next().value!);
      recentSeals.set(sealed, { ticketId, text });
      return sealed;
    },

    open(sealed, ticketId) {
      const recent = recentSeals.get(sealed);
      if (recent !== undefined && recent.ticketId === ticketId) {
        recentSeals.delete(sealed);
        return recent.text;
      }
      const [format, nonce, tag, ciphertext, ...rest] = sealed.split(':');
      if (format !== FORMAT || nonce === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
        throw new OutboxKeyError('the sealed reply is not in a format this version reads');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(ticketId, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new OutboxKeyError(
          'the sealed reply cannot be decrypted with this process\'s outbox key (OUTBOX_ENCRYPTION_KEY or OUTBOX_KEY_FILE ' +
            'differs from the one that sealed it); nothing was sent: restore that key, then retry the delivery',
          { cause: error },
        );
      }
    },
  };
}
