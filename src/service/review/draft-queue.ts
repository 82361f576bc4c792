/**
 * The review queue: drafts awaiting a reviewer, with the ticket facts the console filters and
 * sorts on (source, customer, age, claim) and the draft binding (id and hash) a bulk action needs.
 * Filtering is a pure function over the rows, so it is tested without a store.
 */
import { z } from 'zod';
import { parseConfidence } from '../time-range.js';
import { InputError } from '../errors.js';

/** Sources that are people trying the product, not customers: hidden unless asked for. */
export const TEST_SOURCES: ReadonlySet<string> = new Set(['cli', 'eval']);

export const DRAFT_SORTS = ['newest', 'oldest', 'confidence', 'confidence-desc'] as const;

export interface QueueRow {
  ticketId: string;
  intent: string;
  confidence: number;
  tags: string[];
  createdAt: string;
  receivedAt: string | null;
  source: string | null;
  customerEmail: string | null;
  subject: string | null;
  firstLine: string;
  /** The full text the text search reads; not sent to the browser. */
  body: string;
  draftId: string;
  draftHash: string;
  claimedBy: string | null;
}

export const draftQueueQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    customer: z.string().trim().max(200).optional(),
    source: z.string().trim().max(40).optional(),
    intent: z.string().trim().max(80).optional(),
    tag: z.string().trim().max(40).optional(),
    /** `30m`, `4h`, `2d`: only tickets received at least this long ago. */
    olderThan: z.string().trim().max(12).optional(),
    minConfidence: z.string().optional(),
    maxConfidence: z.string().optional(),
    sort: z.enum(DRAFT_SORTS).default('newest'),
    includeTest: z.enum(['true', 'false']).default('false'),
  })
  .strict();

export type DraftQueueQuery = z.output<typeof draftQueueQuery>;

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseAge(value: string): number {
  const match = /^(\d{1,6})([mhdw])$/.exec(value);
  if (!match) throw new InputError(`olderThan "${value}" is not an age: use 30m, 4h, 2d or 1w`, 'bad_age');
  return Number(match[1]) * (DURATION_UNITS[match[2] ?? 'h'] ?? 0);
}

/** When the ticket arrived (the helpdesk's time), else when it was decided. */
export function ageStart(row: Pick<QueueRow, 'receivedAt' | 'createdAt'>): string {
  return row.receivedAt ?? row.createdAt;
}

export interface DraftSelection {
  rows: QueueRow[];
  /** Test tickets (CLI, eval) left out because `includeTest` was not set. */
  hiddenTest: number;
}

export function selectDrafts(rows: readonly QueueRow[], query: DraftQueueQuery, now: Date = new Date()): DraftSelection {
  const min = query.minConfidence ? parseConfidence(query.minConfidence, 'minConfidence') : undefined;
  const max = query.maxConfidence ? parseConfidence(query.maxConfidence, 'maxConfidence') : undefined;
  const olderThan = query.olderThan ? parseAge(query.olderThan) : undefined;
  const text = query.q?.toLowerCase();
  const customer = query.customer?.toLowerCase();
  const includeTest = query.includeTest === 'true';
  let hiddenTest = 0;
  const selected = rows.filter((row) => {
    if (!includeTest && row.source !== null && TEST_SOURCES.has(row.source) && query.source !== row.source) {
      hiddenTest += 1;
      return false;
    }
    if (query.source && row.source !== query.source) return false;
    if (query.intent && row.intent !== query.intent) return false;
    if (query.tag && !row.tags.includes(query.tag)) return false;
    if (min !== undefined && row.confidence < min) return false;
    if (max !== undefined && row.confidence > max) return false;
    if (olderThan !== undefined && now.getTime() - Date.parse(ageStart(row)) < olderThan) return false;
    if (customer && !(row.customerEmail ?? '').toLowerCase().includes(customer)) return false;
    if (text && ![row.ticketId, row.subject ?? '', row.body].some((field) => field.toLowerCase().includes(text))) return false;
    return true;
  });
  return { rows: selected.sort(comparator(query.sort)), hiddenTest };
}

function comparator(sort: DraftQueueQuery['sort']): (left: QueueRow, right: QueueRow) => number {
  const byAge = (left: QueueRow, right: QueueRow) => ageStart(left).localeCompare(ageStart(right)) || left.ticketId.localeCompare(right.ticketId);
  switch (sort) {
    case 'oldest':
      return byAge;
    case 'confidence':
      return (left, right) => left.confidence - right.confidence || byAge(left, right);
    case 'confidence-desc':
      return (left, right) => right.confidence - left.confidence || byAge(left, right);
    default:
      return (left, right) => byAge(right, left);
  }
}
