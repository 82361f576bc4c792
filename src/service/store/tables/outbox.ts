import type { Insertable, Selectable, Updateable } from 'kysely';

export type OutboxKind = 'draft' | 'send';
export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'rejected';

export interface OutboxTable {
  id: string;
  ticket_id: string;
  kind: OutboxKind;
  text: string;
  /** JSON text: string[]. */
  tags: string;
  confidence: number;
  /** 0 or 1: a public reply rather than an internal note. */
  public: number;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  approved_by: string | null;
  /** The exact text to deliver, AES-256-GCM sealed (outbox/outbox-cipher.ts); NULL once delivered. */
  sealed_text: string | null;
}

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type OutboxRowUpdate = Updateable<OutboxTable>;
