/**
 * The reject button and the form it opens: a reason is required (it is kept in the audit trail),
 * Escape or Cancel closes the form and gives focus back to the button.
 */
import { element } from '../dom.js';

/**
 * @param {{ onSubmit: (reason: string) => void, onMissingReason: () => void }} options
 */
export function rejectForm(options) {
  const button = element('button', { type: 'button', class: 'button', id: 'reject', 'aria-expanded': 'false', 'aria-controls': 'reject-form' }, 'Reject…');
  const reasonField = element('textarea', { id: 'reject-reason', rows: '3', maxlength: '2000', required: true });
  const confirm = element('button', { type: 'submit', class: 'button button-danger', id: 'confirm-reject' }, 'Reject draft');
  const cancel = element('button', { type: 'button', class: 'button button-quiet' }, 'Cancel');
  const form = element(
    'form',
    { id: 'reject-form', class: 'reject-form', hidden: true, novalidate: true },
    element('label', { for: 'reject-reason' }, 'Why are you rejecting this draft? (kept in the audit trail)'),
    reasonField,
    element('div', { class: 'actions' }, confirm, cancel),
  );

  /** @param {boolean} open */
  function toggle(open) {
    form.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) reasonField.focus();
    else button.focus();
  }

  button.addEventListener('click', () => toggle(form.hidden));
  cancel.addEventListener('click', () => toggle(false));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') toggle(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = reasonField.value.trim();
    if (reason.length === 0) {
      options.onMissingReason();
      reasonField.focus();
      return;
    }
    options.onSubmit(reason);
  });

  return {
    button,
    form,
    /** Every control a pending request disables. */
    controls: [button, reasonField, confirm, cancel],
    toggle,
  };
}
