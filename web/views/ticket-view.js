/**
 * One ticket: the customer's text, why the agent decided what it did, the draft to edit and approve
 * or reject, and the audit timeline. This file loads the ticket, lays the parts out, keeps them in
 * step with the live stream and maps the keyboard; each part is its own view.
 */
import { ticketPath } from '../api-client.js';
import { element, replaceChildren } from '../dom.js';
import { shortcutAction } from '../keyboard-shortcuts.js';
import { auditTimeline } from './audit-timeline.js';
import { statusBadge } from './badges.js';
import { claimBar } from './claim-bar.js';
import { customerMessage } from './customer-message.js';
import { customerPanel } from './customer-panel.js';
import { draftEditor } from './draft-editor.js';
import { inlineError } from './inline-error.js';
import { outcomePanel } from './outcome-panel.js';
import { decidedDraft, DEFAULT_CHANNEL, noReply, sentReply } from './reply-panel.js';
import { toggleShortcutHelp } from './shortcut-help.js';
import { ticketChangedNotice } from './ticket-changed-notice.js';

/** Review state and draft, to notice when someone else decided while this page is open. */
const stateOf = (detail) => `${detail.review}/${(detail.outbox ?? []).map((entry) => `${entry.id}:${entry.hash}`).join(',')}`;

/**
 * @param {HTMLElement} container
 * @param {import('../console.js').ViewContext} context
 * @param {string} ticketId
 */
export function mountTicketView(container, context, ticketId) {
  const abort = new AbortController();
  const heading = element('h1', { tabindex: '-1', class: 'view-heading' }, `Ticket ${ticketId}`);
  const badges = element('div', { class: 'badges', id: 'ticket-badges' });
  const content = element('div', { id: 'ticket-content', 'aria-busy': 'true' }, element('p', { class: 'muted' }, 'Loading ticket…'));
  const changedSlot = element('div', { id: 'ticket-changed' });
  /** What the keyboard acts on, set when a draft editor is shown. */
  let editor = null;
  let shownState = '';
  const claims = claimBar({ context, ticketId, onChange: (claimedByOther) => editor?.setClaimedByOther(claimedByOther) });
  replaceChildren(
    container,
    element('p', { class: 'back' }, element('a', { href: '#/queue' }, '← Back to the queue')),
    element('div', { class: 'view-header' }, heading, badges),
    changedSlot,
    content,
  );

  async function load() {
    content.setAttribute('aria-busy', 'true');
    replaceChildren(changedSlot);
    try {
      const [detail, info] = await Promise.all([
        context.api.get(ticketPath(ticketId), undefined, abort.signal),
        // The customer panel is extra: without it the ticket still shows, with the default wording.
        context.api.get(ticketPath(ticketId, 'context'), undefined, abort.signal).catch(() => null),
      ]);
      if (abort.signal.aborted) return;
      shownState = stateOf(detail);
      render(detail, info);
    } catch (error) {
      if (abort.signal.aborted) return;
      replaceChildren(content, inlineError(error, { onRetry: load }));
    } finally {
      content.setAttribute('aria-busy', 'false');
    }
  }

  function render(detail, info) {
    editor = null;
    replaceChildren(
      badges,
      statusBadge(detail.status),
      detail.review && detail.review !== 'none' ? statusBadge(detail.review) : null,
      info?.helpdesk ? element('a', { href: info.helpdesk.url, target: '_blank', rel: 'noopener noreferrer', class: 'helpdesk-link' }, `${info.helpdesk.helpdesk} ↗`) : null,
    );
    const awaiting = detail.review === 'awaiting-review';
    replaceChildren(
      content,
      element(
        'div',
        { class: 'ticket-layout' },
        element('div', { class: 'ticket-main' }, awaiting ? claims.element : null, customerMessage(detail.ticket), replySection(detail, info?.replyChannel ?? DEFAULT_CHANNEL)),
        element('div', { class: 'ticket-side' }, outcomePanel(detail.outcome), info ? customerPanel(info) : null),
      ),
      auditTimeline(detail.events ?? []),
    );
    if (awaiting) claims.update(detail.claim ?? null);
    if (editor && context.takeEditRequest()) editor.focusText();
  }

  function replySection(detail, channel) {
    const outbox = Array.isArray(detail.outbox) ? detail.outbox : [];
    const draft = outbox.find((entry) => entry.kind === 'draft');
    const send = outbox.find((entry) => entry.kind === 'send');
    if (detail.review === 'awaiting-review' && draft) {
      editor = draftEditor({ context, ticketId, draft, channel, onDecided: load });
      return editor.element;
    }
    if (send) return sentReply(send, channel);
    if (draft) return decidedDraft(draft, detail.events ?? []);
    return noReply();
  }

  /** Someone else's decision or claim, seen on the live stream: the claim updates in place, a decision asks for a reload. */
  async function checkForChanges() {
    try {
      const detail = await context.api.get(ticketPath(ticketId), undefined, abort.signal);
      if (abort.signal.aborted) return;
      if (stateOf(detail) !== shownState) replaceChildren(changedSlot, ticketChangedNotice(detail.review, load));
      else if (detail.review === 'awaiting-review') claims.update(detail.claim ?? null);
    } catch {
      // The next change tries again; the page keeps what it shows.
    }
  }
  const unsubscribe = context.live.subscribe(() => void checkForChanges());

  function onKeyDown(event) {
    if (document.querySelector('dialog[open]') && event.key !== '?') return;
    const action = shortcutAction(event);
    if (!action) return;
    const order = context.queueOrder;
    const position = order.indexOf(ticketId);
    if (action === 'help') toggleShortcutHelp();
    else if (action === 'approve' && editor) editor.approve();
    else if (action === 'reject' && editor) editor.reject();
    else if (action === 'edit' && editor) editor.focusText();
    else if (action === 'next' && position >= 0 && position + 1 < order.length) context.openTicket(order[position + 1]);
    else if (action === 'previous' && position > 0) context.openTicket(order[position - 1]);
    else return;
    event.preventDefault();
  }
  document.addEventListener('keydown', onKeyDown);

  load();
  return {
    heading,
    unmount: () => {
      abort.abort();
      unsubscribe();
      document.removeEventListener('keydown', onKeyDown);
    },
  };
}
