/**
 * Bulk approve and reject of the selected drafts, and the report of what happened to each: a draft
 * that changed, was answered or is claimed by someone else fails on its own line, the others go through.
 */
import { runBulkReview } from '../bulk-review.js';
import { element, replaceChildren } from '../dom.js';
import { describeApiError } from '../error-messages.js';

/**
 * @param {{
 *   context: import('../console.js').ViewContext,
 *   selectedItems: () => Array<{ticketId: string, draftId: string, draftHash: string}>,
 *   onDone: (succeeded: string[]) => void,
 * }} options
 */
export function bulkBar(options) {
  const { context } = options;
  const count = element('span', { id: 'bulk-count', class: 'bulk-count' });
  const approveButton = element('button', { type: 'button', class: 'button button-primary', id: 'bulk-approve', on: { click: () => act('approve', options.selectedItems()) } }, 'Approve selected');
  const rejectButton = element('button', { type: 'button', class: 'button', id: 'bulk-reject', on: { click: () => act('reject', options.selectedItems()) } }, 'Reject selected…');
  const reasonField = element('input', { id: 'bulk-reason', type: 'text', maxlength: '2000', autocomplete: 'off' });
  const rejectTarget = element('span', { class: 'muted', id: 'bulk-reject-target' });
  const confirmReject = element('button', { type: 'submit', class: 'button button-danger', id: 'bulk-confirm-reject' }, 'Reject');
  const cancel = element('button', { type: 'button', class: 'button button-quiet', on: { click: () => closeReject() } }, 'Cancel');
  /** @type {Array<{ticketId: string, draftId: string, draftHash: string}>} */
  let pendingReject = [];
  const rejectForm = element(
    'form',
    { id: 'bulk-reject-form', class: 'reject-form', hidden: true, novalidate: true },
    element('label', { for: 'bulk-reason' }, 'Why are you rejecting ', rejectTarget, '? (kept in the audit trail)'),
    reasonField,
    element('div', { class: 'actions' }, confirmReject, cancel),
  );
  const results = element('div', { id: 'bulk-results', 'aria-live': 'polite' });
  const bar = element('div', { class: 'bulk-actions', id: 'bulk-actions', hidden: true }, count, approveButton, rejectButton);
  const root = element('section', { class: 'bulk', 'aria-label': 'Bulk actions' }, bar, rejectForm, results);

  rejectForm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeReject();
  });
  rejectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = reasonField.value.trim();
    if (!reason) {
      replaceChildren(results, element('div', { class: 'inline-error', role: 'alert' }, element('p', {}, 'Give a reason for rejecting.')));
      reasonField.focus();
      return;
    }
    const items = pendingReject;
    closeReject();
    void run('reject', items, reason);
  });

  function closeReject() {
    rejectForm.hidden = true;
    pendingReject = [];
    reasonField.value = '';
  }

  function setBusy(busy) {
    for (const control of [approveButton, rejectButton, confirmReject, reasonField]) control.disabled = busy;
  }

  /** @param {'approve' | 'reject'} action */
  function act(action, items) {
    if (items.length === 0) return;
    if (action === 'approve') {
      void run('approve', items);
      return;
    }
    pendingReject = items;
    rejectTarget.textContent = items.length === 1 ? items[0].ticketId : `${items.length} drafts`;
    rejectForm.hidden = false;
    reasonField.focus();
  }

  async function run(action, items, reason) {
    setBusy(true);
    replaceChildren(results, element('p', { class: 'muted' }, `${action === 'approve' ? 'Approving' : 'Rejecting'} ${items.length}…`));
    const outcome = await runBulkReview(context.api, action, items, { reason, reviewer: context.session.getReviewer() ?? undefined });
    setBusy(false);
    const done = outcome.filter((item) => item.ok);
    const failed = outcome.filter((item) => !item.ok);
    const verb = action === 'approve' ? 'approved' : 'rejected';
    const summary = `${done.length} ${verb}${failed.length > 0 ? `, ${failed.length} failed` : ''}.`;
    replaceChildren(
      results,
      element(
        'div',
        { class: failed.length > 0 ? 'bulk-report notice' : 'bulk-report', role: failed.length > 0 ? 'alert' : 'status' },
        element('p', { id: 'bulk-summary' }, summary),
        element(
          'ul',
          { class: 'bulk-items' },
          outcome.map((item) =>
            element(
              'li',
              { class: item.ok ? 'bulk-ok' : 'bulk-failed', dataset: { ticketId: item.ticketId, code: item.code ?? 'ok' } },
              element('a', { href: `#/tickets/${encodeURIComponent(item.ticketId)}` }, item.ticketId),
              item.ok ? ` ${verb}` : ` not ${verb}: ${describeApiError(item)}`,
            ),
          ),
        ),
      ),
    );
    context.announce(summary);
    options.onDone(done.map((item) => item.ticketId));
  }

  return {
    element: root,
    act,
    /** @param {number} selectedCount */
    update(selectedCount) {
      bar.hidden = selectedCount === 0;
      count.textContent = `${selectedCount} selected`;
    },
  };
}
