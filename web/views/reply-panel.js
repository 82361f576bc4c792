/**
 * The reply when there is nothing to decide: sent (or added as a note), a draft already decided,
 * or none yet. The editable draft is draft-editor.js.
 */
import { element } from '../dom.js';
import { formatDateTime } from '../format.js';

/** How a reply reaches the customer when the helpdesk context did not say. */
export const DEFAULT_CHANNEL = { delivery: 'public-reply', approveLabel: 'Send to the customer', explanation: 'approving sends it to the customer as a public reply.' };

/** @param {any} send the outbox's send entry @param {{delivery: string}} channel */
export function sentReply(send, channel) {
  const how = send.approvedBy ? `Approved by ${send.approvedBy}` : 'Sent automatically';
  return element(
    'section',
    { class: 'card', 'aria-labelledby': 'reply-heading' },
    element('h2', { id: 'reply-heading' }, channel.delivery === 'note' ? 'Reply added as a note on the helpdesk ticket' : 'Reply sent to the customer'),
    element('p', { class: 'muted', id: 'reply-meta' }, `${how} · delivery ${send.status}${send.deliveredAt ? ` ${formatDateTime(send.deliveredAt)}` : ''}${send.status === 'failed' && send.lastError ? `: ${send.lastError}` : ''}`),
    element('div', { class: 'message-text', id: 'sent-text' }, send.text),
  );
}

/** A draft no longer awaiting review, with the latest rejection's reviewer and reason. @param {any} draft @param {any[]} events */
export function decidedDraft(draft, events) {
  const rejection = [...events].reverse().find((event) => event.type === 'review-rejected');
  return element(
    'section',
    { class: 'card', 'aria-labelledby': 'reply-heading' },
    element('h2', { id: 'reply-heading' }, draft.status === 'rejected' ? 'Draft (rejected)' : 'Draft'),
    rejection ? element('p', { class: 'notice' }, `Rejected by ${rejection.data?.reviewer ?? 'a reviewer'}${rejection.data?.declaredName ? ` (${rejection.data.declaredName})` : ''}: ${rejection.data?.reason ?? ''}`) : null,
    element('div', { class: 'message-text' }, draft.text),
  );
}

export function noReply() {
  return element('section', { class: 'card' }, element('h2', {}, 'Reply'), element('p', { class: 'muted' }, 'No reply has been prepared for this ticket yet.'));
}
