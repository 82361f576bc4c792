/** Asks for the reviewer token (and an optional name recorded with approvals). */
import { element, replaceChildren } from '../dom.js';

/**
 * @param {HTMLElement} container
 * @param {{message?: string, tone?: 'error' | 'info', reviewer?: string | null, onSubmit: (token: string, reviewer: string) => Promise<void>}} options
 */
export function mountSignInView(container, options) {
  const heading = element('h1', { tabindex: '-1', class: 'view-heading' }, 'Sign in to review drafts');
  const messageSlot = element('div', { id: 'sign-in-message' });
  const tokenField = element('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const reviewerField = element('input', { id: 'reviewer', name: 'reviewer', type: 'text', autocomplete: 'name', maxlength: '100', value: options.reviewer ?? '' });
  const submitButton = element('button', { type: 'submit', class: 'button button-primary', id: 'sign-in' }, 'Sign in');

  /** @param {string | null} message @param {'error' | 'info'} [tone] */
  function showMessage(message, tone = 'error') {
    const box = tone === 'error' ? element('div', { class: 'inline-error', role: 'alert' }, element('p', {}, message)) : element('div', { class: 'notice', role: 'status' }, element('p', {}, message));
    replaceChildren(messageSlot, message ? box : null);
  }

  const form = element(
    'form',
    {
      class: 'card sign-in',
      novalidate: true,
      on: {
        submit: async (event) => {
          event.preventDefault();
          const token = tokenField.value.trim();
          if (token.length === 0) {
            showMessage('Enter the reviewer token (REVIEWER_TOKEN of the service).');
            tokenField.focus();
            return;
          }
          submitButton.disabled = true;
          showMessage(null);
          try {
            await options.onSubmit(token, reviewerField.value.trim());
          } finally {
            submitButton.disabled = false;
          }
        },
      },
    },
    heading,
    element('p', { class: 'muted' }, 'The token is the service’s REVIEWER_TOKEN. It is kept only in this browser tab.'),
    messageSlot,
    element('div', { class: 'field' }, element('label', { for: 'token' }, 'Reviewer token'), tokenField),
    element('div', { class: 'field' }, element('label', { for: 'reviewer' }, 'Your name (optional, recorded with your reviews)'), reviewerField),
    element('div', { class: 'actions' }, submitButton),
  );
  replaceChildren(container, element('div', { class: 'sign-in-wrap' }, form));
  showMessage(options.message ?? null, options.tone);
  tokenField.focus();

  return {
    heading,
    showMessage(message, tone) {
      showMessage(message, tone);
      tokenField.select();
      tokenField.focus();
    },
    unmount() {},
  };
}
