/**
 * Stand-ins for the three helpdesk APIs that keep what is posted and answer the documented list
 * endpoints from it, so read-before-retry can be tested end to end. Each can be told what to do
 * with the next write: store it and answer, store it and then drop the connection, store it and
 * never answer, store it and answer 500, or refuse it (503, nothing stored).
 *
 * Shapes follow the vendors' documented schemas, reduced to the fields the connectors read:
 * Zendesk `PUT /api/v2/tickets/{id}.json` and `GET /api/v2/tickets/{id}/comments.json`; Intercom
 * `POST /conversations/{id}/reply` and `GET /conversations/{id}`; HubSpot `POST /crm/v3/objects/notes`,
 * `GET /crm/v3/objects/tickets/{id}?associations=notes` and `POST /crm/v3/objects/notes/batch/read`.
 */
import { startStandInServer, type RecordedRequest, type StandInAnswer, type StandInServer } from '../stand-in-server.js';

export type WriteFate = 'answer' | 'store-then-drop' | 'store-then-hang' | 'store-then-500' | 'refuse-503';

export interface VendorStandIn {
  readonly baseUrl: string;
  readonly server: StandInServer;
  /** What was stored, per ticket or conversation id. */
  stored(ticketId: string): unknown[];
  /** The fates of the next writes, in order; afterwards writes are stored and answered. */
  nextWrites(...fates: WriteFate[]): void;
  close(): Promise<void>;
}

interface WriteOutcome {
  ticketId: string;
  item: unknown;
  answer: StandInAnswer & object;
}

async function startVendor(
  isWrite: (request: RecordedRequest) => boolean,
  write: (request: RecordedRequest, nextId: number) => WriteOutcome,
  read: (request: RecordedRequest, stored: Map<string, unknown[]>) => StandInAnswer,
): Promise<VendorStandIn> {
  const stored = new Map<string, unknown[]>();
  const fates: WriteFate[] = [];
  let nextId = 1000;
  const server = await startStandInServer((request) => {
    if (!isWrite(request)) return read(request, stored);
    const fate = fates.shift() ?? 'answer';
    if (fate === 'refuse-503') return { status: 503, json: { error: 'unavailable' } };
    const outcome = write(request, nextId++);
    stored.set(outcome.ticketId, [...(stored.get(outcome.ticketId) ?? []), outcome.item]);
    if (fate === 'store-then-drop') return 'drop';
    if (fate === 'store-then-hang') return 'never';
    if (fate === 'store-then-500') return { status: 500, json: { error: 'internal' } };
    return outcome.answer;
  });
  return {
    baseUrl: server.baseUrl,
    server,
    stored: (ticketId) => stored.get(ticketId) ?? [],
    nextWrites: (...next) => fates.push(...next),
    close: () => server.close(),
  };
}

const notFound: StandInAnswer = { status: 404, json: { error: 'not found' } };

interface ZendeskUpdate {
  ticket: { comment: { body: string; public: boolean }; metadata?: Record<string, unknown> };
}

export function startZendeskStandIn(): Promise<VendorStandIn> {
  return startVendor(
    (request) => request.method === 'PUT',
    (request, id) => {
      const ticketId = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(request.url)?.[1] ?? '?';
      const update = request.json as ZendeskUpdate;
      // Zendesk keeps the update's metadata as the audit's (and its comment's) custom metadata.
      const comment = {
        id,
        type: 'Comment',
        author_id: 7,
        body: update.ticket.comment.body,
        public: update.ticket.comment.public,
        audit_id: id + 1,
        metadata: { system: { client: 'stand-in' }, custom: update.ticket.metadata ?? {} },
        created_at: new Date().toISOString(),
      };
      return { ticketId, item: comment, answer: { status: 200, json: { ticket: { id: Number(ticketId) }, audit: { id: id + 1, events: [{ id, type: 'Comment' }] } } } };
    },
    (request, stored) => {
      const match = /^\/api\/v2\/tickets\/(\d+)\/comments\.json\?sort_order=desc$/.exec(request.url);
      if (request.method !== 'GET' || !match) return notFound;
      const comments = [...(stored.get(match[1]!) ?? [])].reverse();
      return { status: 200, json: { comments, next_page: null, previous_page: null, count: comments.length } };
    },
  );
}

interface IntercomReply {
  message_type: 'comment' | 'note';
  admin_id: string;
  body: string;
}

/** `sanitise`: drop HTML comments from stored bodies, as a helpdesk's HTML cleaner may. */
export function startIntercomStandIn(options: { sanitise?: boolean } = {}): Promise<VendorStandIn> {
  return startVendor(
    (request) => request.method === 'POST',
    (request, id) => {
      const conversationId = /^\/conversations\/([^/]+)\/reply$/.exec(request.url)?.[1] ?? '?';
      const reply = request.json as IntercomReply;
      const body = options.sanitise ? reply.body.replace(/<!--[\s\S]*?-->/g, '') : reply.body;
      const part = { type: 'conversation_part', id: String(id), part_type: reply.message_type, body, author: { type: 'admin', id: reply.admin_id, name: 'Support' } };
      return { ticketId: conversationId, item: part, answer: { status: 200, json: { type: 'conversation', id: conversationId, conversation_parts: { type: 'conversation_part.list', conversation_parts: [part], total_count: 1 } } } };
    },
    (request, stored) => {
      const match = /^\/conversations\/([^/?]+)$/.exec(request.url);
      if (request.method !== 'GET' || !match) return notFound;
      const customerPart = { type: 'conversation_part', id: '1', part_type: 'comment', body: '<p>Where is my order?</p>', author: { type: 'user', id: 'u-1' } };
      const parts = [customerPart, ...(stored.get(match[1]!) ?? [])];
      return {
        status: 200,
        json: {
          type: 'conversation',
          id: match[1],
          source: { type: 'conversation', body: '<p>Hello</p>', author: { type: 'user', id: 'u-1' } },
          conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
        },
      };
    },
  );
}

interface HubSpotNote {
  properties: { hs_note_body: string; hs_timestamp: string };
  associations: Array<{ to: { id: string } }>;
}

export function startHubSpotStandIn(): Promise<VendorStandIn> {
  return startVendor(
    (request) => request.method === 'POST' && request.url === '/crm/v3/objects/notes',
    (request, id) => {
      const note = request.json as HubSpotNote;
      const ticketId = note.associations[0]?.to.id ?? '?';
      const created = { id: String(id), properties: note.properties, createdAt: new Date().toISOString(), archived: false };
      return { ticketId, item: created, answer: { status: 201, json: created } };
    },
    (request, stored) => {
      const ticket = /^\/crm\/v3\/objects\/tickets\/(\d+)\?associations=notes$/.exec(request.url);
      if (request.method === 'GET' && ticket) {
        const notes = (stored.get(ticket[1]!) ?? []) as Array<{ id: string }>;
        return {
          status: 200,
          json: { id: ticket[1], properties: { subject: 'Order' }, associations: { notes: { results: notes.map((note) => ({ id: note.id, type: 'ticket_to_note' })) } } },
        };
      }
      if (request.method === 'POST' && request.url === '/crm/v3/objects/notes/batch/read') {
        const wanted = new Set((request.json as { inputs: Array<{ id: string }> }).inputs.map((input) => input.id));
        const all = [...stored.values()].flat() as Array<{ id: string }>;
        return { status: 200, json: { status: 'COMPLETE', results: all.filter((note) => wanted.has(note.id)) } };
      }
      return notFound;
    },
  );
}
