/**
 * Where a reviewer finds the ticket in its own helpdesk, and what approving does there. Pure, from
 * the settings and the ticket's source and external id.
 */
import type { Config } from '../config.js';

export interface HelpdeskLink {
  helpdesk: 'Zendesk' | 'Intercom' | 'HubSpot';
  url: string;
}

/** What approving a draft does for this source, in the words the approve button uses. */
export interface ReplyChannel {
  /** `public-reply`: the customer receives it; `note`: it lands as a note on the helpdesk record; `none`: nothing leaves. */
  delivery: 'public-reply' | 'note' | 'none';
  approveLabel: string;
  explanation: string;
}

type LinkSettings = Pick<Config, 'ZENDESK_BASE_URL' | 'INTERCOM_WORKSPACE_ID' | 'HUBSPOT_PORTAL_ID'>;

export function helpdeskLink(settings: LinkSettings, ticket: { source: string; externalId?: string | null }): HelpdeskLink | null {
  const id = ticket.externalId ? encodeURIComponent(ticket.externalId) : '';
  if (!id) return null;
  if (ticket.source === 'zendesk' && settings.ZENDESK_BASE_URL) {
    // The API's base URL is the account's own host (https://acme.zendesk.com), where the agent UI lives too.
    return { helpdesk: 'Zendesk', url: `${new URL(settings.ZENDESK_BASE_URL).origin}/agent/tickets/${id}` };
  }
  if (ticket.source === 'intercom' && settings.INTERCOM_WORKSPACE_ID) {
    return { helpdesk: 'Intercom', url: `https://app.intercom.com/a/inbox/${encodeURIComponent(settings.INTERCOM_WORKSPACE_ID)}/inbox/conversation/${id}` };
  }
  if (ticket.source === 'hubspot' && settings.HUBSPOT_PORTAL_ID) {
    return { helpdesk: 'HubSpot', url: `https://app.hubspot.com/contacts/${encodeURIComponent(settings.HUBSPOT_PORTAL_ID)}/record/0-5/${id}` };
  }
  return null;
}

export function replyChannel(source: string): ReplyChannel {
  switch (source) {
    case 'hubspot':
      // The HubSpot connector writes a note on the ticket: its API has no way to email a ticket's contact.
      return { delivery: 'note', approveLabel: 'Add as note', explanation: 'approving adds it as a note on the HubSpot ticket; HubSpot does not email it to the customer.' };
    case 'cli':
    case 'eval':
      return { delivery: 'none', approveLabel: 'Approve', explanation: 'a test ticket: approving records the answer, nothing is sent.' };
    default:
      return { delivery: 'public-reply', approveLabel: 'Send to the customer', explanation: 'approving sends it to the customer as a public reply.' };
  }
}
