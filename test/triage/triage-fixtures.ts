import { createInMemoryCrm, loadDemoCrmData } from '../../src/triage/crm/in-memory-crm.js';
import type { CrmClient } from '../../src/triage/crm/crm-client.js';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { LocalChatModel } from '../../src/triage/local-model/local-chat-model.js';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { buildSession, type TriageDependencies } from '../../src/triage/pipeline.js';
import type { ChatModel } from '../../src/agentao/index.js';
import type { Ticket } from '../../src/triage/types.js';
import { SKILLS_DIRECTORY } from '../../src/service/paths.js';

const kb = loadKnowledgeBase();
const classifier = loadDefaultIntentClassifier();
const crmData = loadDemoCrmData();

export function triageDeps(overrides: Partial<TriageDependencies> = {}): TriageDependencies {
  return {
    model: new LocalChatModel({ classifier, autoSendThreshold: 0.9 }),
    crm: createInMemoryCrm(crmData),
    kb,
    classifier,
    skillDirectories: [SKILLS_DIRECTORY],
    threshold: 0.9,
    allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS,
    ...overrides,
  };
}

export function localModel(): ChatModel {
  return new LocalChatModel({ classifier, autoSendThreshold: 0.9 });
}

export function demoCrm(): CrmClient {
  return createInMemoryCrm(crmData);
}

let counter = 0;
export function ticket(body: string, fields: Partial<Ticket> = {}): Ticket {
  counter += 1;
  return {
    id: `T-test-${counter}`,
    source: 'cli',
    customerEmail: 'ada@example.com',
    body,
    receivedAt: '2026-11-28T10:00:00.000Z',
    ...fields,
  };
}

/** The send guard's settings as the CLI runs them. */
export const sendGuardOptions = { threshold: 0.9, allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS };

/** A session for Ada's ticket with her profile looked up, before any reply: what the send guard assesses. */
export async function adaSession(body: string) {
  const session = buildSession(ticket(body), triageDeps());
  session.customer = await demoCrm().findCustomerByEmail('ada@example.com');
  return session;
}
