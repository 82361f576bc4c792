/**
 * The draft awaiting review: the text to edit, approve (sends the reviewer's text exactly, bound to
 * this draft's id and hash), reject with a reason, or undo the edits. A claim by someone else
 * disables approve and reject until this reviewer takes the ticket over (claim-bar.js).
 */
import { ticketPath } from '../api-client.js';
import { element, replaceChildren } from '../dom.js';
import { formatDateTime } from '../format.js';
import { inlineError } from './inline-error.js';
import { rejectForm } from './reject-form.js';

/**
 * @param {{
 *   context: import('../console.js').ViewContext,
 *   ticketId: string,
 *   draft: {id: string, hash: string, text: string, createdAt: string},
 *   channel: {approveLabel: string, explanation: string},
 *   onDecided: () => Promise<void>,
 * }} options
 */
export function draftEditor(options) {
  const { context, ticketId, draft, channel } = options;
  const errorSlot = element('div', { id: 'review-error' });
  const editedNote = element('span', { class: 'muted', id: 'draft-edited' });
  const textarea = element('textarea', { id: 'draft-text', rows: '14', maxlength: '8000', spellcheck: 'true', value: draft.text });
  const undoButton = element('button', { type: 'button', class: 'button button-quiet', disabled: true }, 'Undo edits');
  const approveButton = element('button', { type: 'submit', class: 'button button-primary', id: 'approve', 'aria-keyshortcuts': 'a' }, channel.approveLabel);
  const reject = rejectForm({
    onMissingReason: () => showError('Give a reason for rejecting the draft.'),
    onSubmit: (reason) =>
      decide(async () => {
        await context.api.post(ticketPath(ticketId, 'reject'), { reason, reviewer: context.session.getReviewer() ?? undefined });
        context.announce(`Rejected the draft for ticket ${ticketId}.`);
      }),
  });
  let claimedByOther = false;

  function syncEdited() {
    const edited = textarea.value !== draft.text;
    editedNote.textContent = edited ? 'Edited: your text will be sent.' : '';
    undoButton.disabled = !edited;
  }
  function setBusy(busy) {
    for (const control of [textarea, approveButton, undoButton, ...reject.controls]) control.disabled = busy;
    if (!busy) {
      syncEdited();
      // Someone else's claim blocks the decision until this reviewer takes the ticket over.
      approveButton.disabled = claimedByOther;
      reject.button.disabled = claimedByOther;
    }
  }
  function showError(error) {
    replaceChildren(errorSlot, typeof error === 'string' ? element('div', { class: 'inline-error', role: 'alert' }, element('p', {}, error)) : inlineError(error, { onReload: options.onDecided }));
  }
  /** One decision request; on success the ticket reloads, on failure the editor is usable again. */
  async function decide(request) {
    replaceChildren(errorSlot);
    setBusy(true);
    try {
      await request();
      context.refreshQueueCount();
      await options.onDecided();
    } catch (error) {
      setBusy(false);
      showError(error);
    }
  }

  textarea.addEventListener('input', syncEdited);
  undoButton.addEventListener('click', () => {
    textarea.value = draft.text;
    syncEdited();
    textarea.focus();
  });

  const approveForm = element(
    'form',
    {
      id: 'approve-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const text = textarea.value;
          if (text.trim().length === 0) {
            showError('The reply is empty. Write a reply, or use Undo edits to restore the draft.');
            textarea.focus();
            return;
          }
          return decide(async () => {
            await context.api.post(ticketPath(ticketId, 'approve'), {
              draftId: draft.id,
              draftHash: draft.hash,
              // Unchanged text is left out so the audit trail records the approval as unedited.
              text: text === draft.text ? undefined : text,
              reviewer: context.session.getReviewer() ?? undefined,
            });
            context.announce(`Approved ticket ${ticketId}: the reply is queued for sending.`);
          });
        },
      },
    },
    element('label', { for: 'draft-text' }, 'Draft reply (edit before approving)'),
    textarea,
    element('div', { class: 'actions' }, approveButton, reject.button, undoButton, editedNote),
  );

  return {
    element: element(
      'section',
      { class: 'card', 'aria-labelledby': 'reply-heading' },
      element('h2', { id: 'reply-heading' }, 'Draft reply'),
      element('p', { class: 'muted', id: 'approve-explanation' }, `Drafted ${formatDateTime(draft.createdAt)} · ${channel.explanation}`),
      approveForm,
      reject.form,
      errorSlot,
    ),
    approve: () => {
      if (!approveButton.disabled) approveForm.requestSubmit();
    },
    reject: () => {
      if (!reject.button.disabled) reject.toggle(true);
    },
    focusText: () => textarea.focus(),
    /** @param {boolean} value */
    setClaimedByOther: (value) => {
      claimedByOther = value;
      setBusy(false);
    },
  };
}
