import type { Tool } from '../../agentao/index.js';
import type { CrmClient } from '../crm/crm-client.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { TriageSession } from '../triage-session.js';
import { createDraftReplyTool } from './draft-reply.js';
import { createGetCustomerProfileTool } from './get-customer-profile.js';
import { createGetOrderStatusTool } from './get-order-status.js';
import { createSearchKbTool } from './search-kb.js';
import { createSendReplyTool } from './send-reply.js';

/** The five tools of the support flow, bound to one ticket's session. */
export function createSupportTools(session: TriageSession, deps: { crm: CrmClient; kb: KnowledgeBase }): Tool[] {
  return [
    createGetCustomerProfileTool(session, deps.crm),
    createGetOrderStatusTool(session, deps.crm),
    createSearchKbTool(session, deps.kb),
    createDraftReplyTool(session),
    createSendReplyTool(session),
  ];
}
