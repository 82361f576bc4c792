/**
 * One ticket: the customer's text, why the agent decided what it did, the draft to edit and approve
 * or reject, and the audit timeline.
 */
import { ticketPath } from '../api-client.js';
import { element, replaceChildren } from '../dom.js';
import { formatDateTime } from '../format.js';
import { auditTimeline } from './audit-timeline.js';
import { confidenceBadge, statusBadge, tagChips } from './badges.js';
import { inlineError } from './inline-error.js';

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
  replaceChildren(
    container,
    element('p', { class: 'back' }, element('a', { href: '#/queue' }, '← Back to the queue')),
    element('div', { class: 'view-header' }, heading, badges),
    content,
  );

  async function load() {
    content.setAttribute('aria-busy', 'true');
    try {
      const detail = await context.api.get(ticketPath(ticketId), undefined, abort.signal);
      if (abort.signal.aborted) return;
      render(detail);
    } catch (error) {
      if (abort.signal.aborted) return;
      replaceChildren(content, inlineError(error, { onRetry: load }));
    } finally {
      content.setAttribute('aria-busy', 'false');
    }
  }

  function render(detail) {
    replaceChildren(badges, statusBadge(detail.status), detail.review && detail.review !== 'none' ? statusBadge(detail.review) : null);
    replaceChildren(
      content,
      element(
        'div',
        { class: 'ticket-layout' },
        element('div', { class: 'ticket-main' }, customerMessage(detail.ticket), replySection(detail)),
        element('div', { class: 'ticket-side' }, outcomeSection(detail.outcome)),
      ),
      auditTimeline(detail.events ?? []),
    );
  }

  function replySection(detail) {
    const outbox = Array.isArray(detail.outbox) ? detail.outbox : [];
    const draft = outbox.find((entry) => entry.kind === 'draft');
    const send = outbox.find((entry) => entry.kind === 'send');
    // A HubSpot ticket without a conversation thread takes replies as internal notes only (`noted`).
    const noteOnly = detail.ticket?.source === 'hubspot' && !detail.ticket?.threadId;
    if (detail.review === 'awaiting-review' && draft) return draftEditor(draft, noteOnly);
    if (send) {
      const how = send.approvedBy ? `Approved by ${send.approvedBy}` : 'Sent automatically';
      return element(
        'section',
        { class: 'card', 'aria-labelledby': 'reply-heading' },
        element('h2', { id: 'reply-heading' }, noteOnly ? 'Reply posted as an internal note (not sent to the customer)' : 'Reply sent to the customer'),
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
        rejection ? element('p', { class: 'notice' }, `Rejected by ${rejection.data?.reviewer ?? 'a reviewer'}: ${rejection.data?.reason ?? ''}`) : null,
        element('div', { class: 'message-text' }, draft.text),
      );
    }
    return element('section', { class: 'card' }, element('h2', {}, 'Reply'), element('p', { class: 'muted' }, 'No reply has been prepared for this ticket yet.'));
  }

  function draftEditor(draft, noteOnly) {
    const errorSlot = element('div', { id: 'review-error' });
    const editedNote = element('span', { class: 'muted', id: 'draft-edited' });
    const textarea = element('textarea', { id: 'draft-text', rows: '14', maxlength: '8000', spellcheck: 'true', value: draft.text });
    const undoButton = element('button', { type: 'button', class: 'button button-quiet', disabled: true }, 'Undo edits');
    const approveButton = element('button', { type: 'submit', class: 'button button-primary', id: 'approve' }, noteOnly ? 'Approve as a note' : 'Approve and send');
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
      if (!busy) syncEdited();
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

    return element(
      'section',
      { class: 'card', 'aria-labelledby': 'reply-heading' },
      element('h2', { id: 'reply-heading' }, 'Draft reply'),
      element(
        'p',
        { class: 'muted' },
        noteOnly
          ? `Drafted ${formatDateTime(draft.createdAt)} · this HubSpot ticket has no conversation thread: approving posts it as an internal note for a person to send.`
          : `Drafted ${formatDateTime(draft.createdAt)} · approving sends it to the customer as a public reply.`,
      ),
      approveForm,
      rejectForm,
      errorSlot,
    );
  }

  load();
  return { heading, unmount: () => abort.abort() };
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
