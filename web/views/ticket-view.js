/**
 * One ticket: the customer's text, why the agent decided what it did, the draft to edit and approve
 * or reject, and the audit timeline.
 */
import { ticketPath } from '../api-client.js';
import { element, replaceChildren } from '../dom.js';
import { formatAge, formatDateTime } from '../format.js';
import { shortcutAction } from '../keyboard-shortcuts.js';
import { auditTimeline } from './audit-timeline.js';
import { confidenceBadge, statusBadge, tagChips } from './badges.js';
import { claimBar } from './claim-bar.js';
import { customerPanel } from './customer-panel.js';
import { inlineError } from './inline-error.js';
import { toggleShortcutHelp } from './shortcut-help.js';

const DEFAULT_CHANNEL = { delivery: 'public-reply', approveLabel: 'Send to the customer', explanation: 'approving sends it to the customer as a public reply.' };

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

  /** Review state and draft, to notice when someone else decided while this page is open. */
  const stateOf = (detail) => `${detail.review}/${(detail.outbox ?? []).map((entry) => `${entry.id}:${entry.hash}`).join(',')}`;

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
        element('div', { class: 'ticket-side' }, outcomeSection(detail.outcome), info ? customerPanel(info) : null),
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
    if (detail.review === 'awaiting-review' && draft) return draftEditor(draft, channel);
    if (send) {
      const how = send.approvedBy ? `Approved by ${send.approvedBy}` : 'Sent automatically';
      return element(
        'section',
        { class: 'card', 'aria-labelledby': 'reply-heading' },
        element('h2', { id: 'reply-heading' }, channel.delivery === 'note' ? 'Reply added as a note on the helpdesk ticket' : 'Reply sent to the customer'),
        element('p', { class: 'muted', id: 'reply-meta' }, `${how} · delivery ${send.status}${send.deliveredAt ? ` ${formatDateTime(send.deliveredAt)}` : ''}${send.status === 'failed' && send.lastError ? `: ${send.lastError}` : ''}`),
        element('div', { class: 'message-text', id: 'sent-text' }, send.text),
      );
    }
    if (draft) {
      const rejection = [...(detail.events ?? [])].reverse().find((event) => event.type === 'review-rejected');
      return element(
        'section',
        { class: 'card', 'aria-labelledby': 'reply-heading' },
        element('h2', { id: 'reply-heading' }, draft.status === 'rejected' ? 'Draft (rejected)' : 'Draft'),
        rejection ? element('p', { class: 'notice' }, `Rejected by ${rejection.data?.reviewer ?? 'a reviewer'}${rejection.data?.declaredName ? ` (${rejection.data.declaredName})` : ''}: ${rejection.data?.reason ?? ''}`) : null,
        element('div', { class: 'message-text' }, draft.text),
      );
    }
    return element('section', { class: 'card' }, element('h2', {}, 'Reply'), element('p', { class: 'muted' }, 'No reply has been prepared for this ticket yet.'));
  }

  function draftEditor(draft, channel) {
    const errorSlot = element('div', { id: 'review-error' });
    const editedNote = element('span', { class: 'muted', id: 'draft-edited' });
    const textarea = element('textarea', { id: 'draft-text', rows: '14', maxlength: '8000', spellcheck: 'true', value: draft.text });
    const undoButton = element('button', { type: 'button', class: 'button button-quiet', disabled: true }, 'Undo edits');
    const approveButton = element('button', { type: 'submit', class: 'button button-primary', id: 'approve', 'aria-keyshortcuts': 'a' }, channel.approveLabel);
    let claimedByOther = false;
    const rejectButton = element('button', { type: 'button', class: 'button', id: 'reject', 'aria-expanded': 'false', 'aria-controls': 'reject-form' }, 'Reject…');
    const reasonField = element('textarea', { id: 'reject-reason', rows: '3', maxlength: '2000', required: true });
    const confirmReject = element('button', { type: 'submit', class: 'button button-danger', id: 'confirm-reject' }, 'Reject draft');
    const cancelReject = element('button', { type: 'button', class: 'button button-quiet' }, 'Cancel');
    const rejectForm = element(
      'form',
      { id: 'reject-form', class: 'reject-form', hidden: true, novalidate: true },
      element('label', { for: 'reject-reason' }, 'Why are you rejecting this draft? (kept in the audit trail)'),
      reasonField,
      element('div', { class: 'actions' }, confirmReject, cancelReject),
    );

    function syncEdited() {
      const edited = textarea.value !== draft.text;
      editedNote.textContent = edited ? 'Edited: your text will be sent.' : '';
      undoButton.disabled = !edited;
    }
    function setBusy(busy) {
      for (const control of [textarea, approveButton, rejectButton, confirmReject, cancelReject, reasonField, undoButton]) control.disabled = busy;
      if (!busy) {
        syncEdited();
        // Someone else's claim blocks the decision until this reviewer takes the ticket over.
        approveButton.disabled = claimedByOther;
        rejectButton.disabled = claimedByOther;
      }
    }
    function showError(error) {
      replaceChildren(errorSlot, typeof error === 'string' ? element('div', { class: 'inline-error', role: 'alert' }, element('p', {}, error)) : inlineError(error, { onReload: load }));
    }
    function toggleReject(open) {
      rejectForm.hidden = !open;
      rejectButton.setAttribute('aria-expanded', String(open));
      if (open) reasonField.focus();
      else rejectButton.focus();
    }

    textarea.addEventListener('input', syncEdited);
    undoButton.addEventListener('click', () => {
      textarea.value = draft.text;
      syncEdited();
      textarea.focus();
    });
    rejectButton.addEventListener('click', () => toggleReject(rejectForm.hidden));
    cancelReject.addEventListener('click', () => toggleReject(false));
    rejectForm.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') toggleReject(false);
    });

    const approveForm = element(
      'form',
      {
        id: 'approve-form',
        on: {
          submit: async (event) => {
            event.preventDefault();
            const text = textarea.value;
            if (text.trim().length === 0) {
              showError('The reply is empty. Write a reply, or use Undo edits to restore the draft.');
              textarea.focus();
              return;
            }
            replaceChildren(errorSlot);
            setBusy(true);
            try {
              await context.api.post(ticketPath(ticketId, 'approve'), {
                draftId: draft.id,
                draftHash: draft.hash,
                // Unchanged text is left out so the audit trail records the approval as unedited.
                text: text === draft.text ? undefined : text,
                reviewer: context.session.getReviewer() ?? undefined,
              });
              context.announce(`Approved ticket ${ticketId}: the reply is queued for sending.`);
              context.refreshQueueCount();
              await load();
            } catch (error) {
              setBusy(false);
              showError(error);
            }
          },
        },
      },
      element('label', { for: 'draft-text' }, 'Draft reply (edit before approving)'),
      textarea,
      element('div', { class: 'actions' }, approveButton, rejectButton, undoButton, editedNote),
    );

    rejectForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reason = reasonField.value.trim();
      if (reason.length === 0) {
        showError('Give a reason for rejecting the draft.');
        reasonField.focus();
        return;
      }
      replaceChildren(errorSlot);
      setBusy(true);
      try {
        await context.api.post(ticketPath(ticketId, 'reject'), { reason, reviewer: context.session.getReviewer() ?? undefined });
        context.announce(`Rejected the draft for ticket ${ticketId}.`);
        context.refreshQueueCount();
        await load();
      } catch (error) {
        setBusy(false);
        showError(error);
      }
    });

    editor = {
      approve: () => {
        if (!approveButton.disabled) approveForm.requestSubmit();
      },
      reject: () => {
        if (!rejectButton.disabled) toggleReject(true);
      },
      focusText: () => textarea.focus(),
      setClaimedByOther: (value) => {
        claimedByOther = value;
        setBusy(false);
      },
    };
    return element(
      'section',
      { class: 'card', 'aria-labelledby': 'reply-heading' },
      element('h2', { id: 'reply-heading' }, 'Draft reply'),
      element('p', { class: 'muted', id: 'approve-explanation' }, `Drafted ${formatDateTime(draft.createdAt)} · ${channel.explanation}`),
      approveForm,
      rejectForm,
      errorSlot,
    );
  }

  /** Someone else's decision or claim, seen on the live stream: the claim updates in place, a decision asks for a reload. */
  async function checkForChanges() {
    try {
      const detail = await context.api.get(ticketPath(ticketId), undefined, abort.signal);
      if (abort.signal.aborted) return;
      if (stateOf(detail) !== shownState) {
        replaceChildren(
          changedSlot,
          element(
            'div',
            { class: 'notice', role: 'status' },
            element('p', {}, `This ticket changed since you opened it (now: ${detail.review}).`),
            element('button', { type: 'button', class: 'button', id: 'reload-changed', on: { click: load } }, 'Reload ticket'),
          ),
        );
      } else if (detail.review === 'awaiting-review') claims.update(detail.claim ?? null);
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

function customerMessage(ticket) {
  return element(
    'section',
    { class: 'card', 'aria-labelledby': 'message-heading' },
    element('h2', { id: 'message-heading' }, 'Customer message'),
    element(
      'p',
      { class: 'muted meta' },
      element('span', { id: 'ticket-from' }, ticket.customerEmail),
      ` · via ${ticket.source} · received `,
      element('time', { datetime: ticket.receivedAt, title: ticket.receivedAt }, formatDateTime(ticket.receivedAt)),
      element('span', { id: 'ticket-age' }, ` (${formatAge(ticket.receivedAt)} ago)`),
    ),
    ticket.subject ? element('p', { class: 'subject', id: 'ticket-subject' }, ticket.subject) : null,
    element('div', { class: 'message-text', id: 'ticket-body' }, ticket.body),
  );
}

function outcomeSection(outcome) {
  if (!outcome) {
    return element('section', { class: 'card' }, element('h2', {}, 'Outcome'), element('p', { class: 'muted' }, 'Not triaged yet.'));
  }
  const reasons = Array.isArray(outcome.reasons) ? outcome.reasons : [];
  const steps = Array.isArray(outcome.steps) ? outcome.steps : [];
  return element(
    'section',
    { class: 'card', 'aria-labelledby': 'outcome-heading', id: 'outcome' },
    element('h2', { id: 'outcome-heading' }, 'Outcome'),
    element(
      'dl',
      { class: 'facts' },
      element('dt', {}, 'Decision'),
      element('dd', {}, statusBadge(outcome.decision)),
      element('dt', {}, 'Confidence'),
      element('dd', {}, confidenceBadge(outcome.confidence)),
      element('dt', {}, 'Intent'),
      element('dd', { id: 'outcome-intent' }, outcome.intent),
      element('dt', {}, 'Tags'),
      element('dd', { id: 'outcome-tags' }, tagChips(outcome.tags)),
    ),
    element('h3', {}, outcome.decision === 'drafted' ? 'Why did it draft this?' : 'Why was it sent?'),
    reasons.length > 0
      ? element('ul', { class: 'reasons', id: 'outcome-reasons' }, reasons.map((reason) => element('li', {}, reason)))
      : element('p', { class: 'muted' }, 'No reasons recorded.'),
    steps.length > 0
      ? element(
          'details',
          { class: 'steps' },
          element('summary', {}, `Tool steps (${steps.length})`),
          element(
            'ol',
            {},
            steps.map((step) =>
              element(
                'li',
                { class: step.permission === 'allow' ? '' : 'step-denied' },
                element('code', {}, step.tool),
                ` · ${step.permission}${step.ok ? '' : ' · not ok'}`,
              ),
            ),
          ),
        )
      : null,
  );
}
