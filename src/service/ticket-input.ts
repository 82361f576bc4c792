/**
 * Checks of a ticket as a person or a webhook hands it to us. Shared by the CLI, the eval canary and
 * the webhook routes so that every entry point refuses the same things with the same words.
 */
import { z } from 'zod';
import { InputError } from './errors.js';

export const MAX_TICKET_BYTES = 64 * 1024;
export const DEFAULT_EMAIL = 'ada@example.com';

const email = z.string().trim().toLowerCase().email();

export interface TicketInput {
  text: string;
  email?: string;
  subject?: string;
  id?: string;
}

export interface ValidTicketInput {
  text: string;
  email: string;
  subject?: string;
  id?: string;
}

const TICKET_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;

/**
 * C0 controls other than tab, line feed and carriage return, DEL, and C1 controls. No customer types
 * them; PostgreSQL cannot store NUL in text, and a NUL in a value that ends up in an HTTP header
 * makes every delivery attempt fail. Refused at the door, with the place, rather than half-stored.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Throws an InputError (400, `control_characters`) naming the field and the first control character. */
export function assertNoControlCharacters(fields: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const match = CONTROL_CHARACTER.exec(value);
    if (!match) continue;
    const codePoint = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InputError(
      `the ${name} contains the control character ${codePoint} at character ${match.index + 1}; ` +
        'control characters other than tab and line breaks are not accepted',
      'control_characters',
    );
  }
}

export function validateTicketInput(input: TicketInput): ValidTicketInput {
  const text = input.text.replace(/\r\n/g, '\n').trim();
  if (!text) throw new InputError('the ticket text is empty', 'empty_ticket');
  if (text.includes('\uFFFD')) throw new InputError('the ticket text is not valid UTF-8', 'invalid_utf8');
  assertNoControlCharacters({ 'ticket text': text, subject: input.subject, email: input.email });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TICKET_BYTES) {
    throw new InputError(`the ticket text is ${bytes} bytes; the limit is ${MAX_TICKET_BYTES} bytes`, 'ticket_too_large', 413);
  }
  const parsedEmail = email.safeParse(input.email ?? DEFAULT_EMAIL);
  if (!parsedEmail.success) throw new InputError(`"${input.email}" is not a valid email address`, 'invalid_email');
  if (input.id !== undefined && !TICKET_ID.test(input.id)) {
    throw new InputError(`ticket id "${input.id}" must be 1-128 letters, digits, or : . _ -`, 'invalid_ticket_id');
  }
  const subject = input.subject?.trim();
  if (subject && subject.length > 500) throw new InputError('the subject is longer than 500 characters', 'subject_too_long');
  return { text, email: parsedEmail.data, subject: subject || undefined, id: input.id };
}

/** Bytes from a file or stdin: refuse invalid UTF-8 instead of guessing. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('the ticket text is not valid UTF-8', 'invalid_utf8');
  }
}
