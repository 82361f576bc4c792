/**
 * Sends tickets the way a helpdesk does: every ticket `copies` times at once (a redelivery storm),
 * and every delivery retried until it is acknowledged with 202, as helpdesks retry a webhook that
 * failed. Counts what the service answered along the way.
 */
import { postGenericWebhook } from './service-process.js';

export interface DeliveryStats {
  /** Tickets acknowledged (202) at least once. */
  accepted: Set<string>;
  /** Webhook answers with a 5xx status (503 while the store is down is one). */
  serverErrors: number;
  /** Requests that got no answer (refused while the service restarted, or timed out). */
  noAnswer: number;
  requests: number;
}

const BODIES = [
  'How do I reset my password? I cannot log in.',
  'Where is my order A1001? It has not arrived yet.',
  'I want to cancel my subscription, it is too expensive.',
  'Can I get a copy of my invoice for last month?',
  'What is your refund policy for damaged items?',
];

export interface DeliverOptions {
  /** The service's address now (a restarted service may listen elsewhere). */
  address: () => string;
  ids: string[];
  copies: number;
  concurrency: number;
  /** Give up retrying a delivery after this many milliseconds from the start. */
  deadlineMs: number;
  /** Called after each ticket is acknowledged, with how many are so far. */
  onAccepted?(count: number): void;
}

export async function deliverTickets(options: DeliverOptions): Promise<DeliveryStats> {
  const stats: DeliveryStats = { accepted: new Set(), serverErrors: 0, noAnswer: 0, requests: 0 };
  const giveUpAt = Date.now() + options.deadlineMs;
  const deliverOnce = async (id: string, body: string): Promise<void> => {
    while (Date.now() < giveUpAt) {
      stats.requests += 1;
      const status = await postGenericWebhook(options.address(), id, body);
      if (status === 202) {
        if (!stats.accepted.has(id)) {
          stats.accepted.add(id);
          options.onAccepted?.(stats.accepted.size);
        }
        return;
      }
      if (status >= 500) stats.serverErrors += 1;
      if (status === 0) stats.noAnswer += 1;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  let next = 0;
  const lanes = Array.from({ length: options.concurrency }, async () => {
    while (next < options.ids.length) {
      const index = next++;
      const id = options.ids[index]!;
      const body = BODIES[index % BODIES.length]!;
      await Promise.all(Array.from({ length: options.copies }, () => deliverOnce(id, body)));
    }
  });
  await Promise.all(lanes);
  return stats;
}
