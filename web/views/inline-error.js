/** An API error shown where it happened, with the one action that helps (reload or retry). */
import { element } from '../dom.js';
import { describeApiError, needsReload } from '../error-messages.js';

/**
 * @param {{status?: number, code?: string, message?: string}} error
 * @param {{onReload?: () => void, onRetry?: () => void}} [actions]
 * @returns {HTMLElement | null} null for a 401: the sign-in form takes over the page.
 */
export function inlineError(error, actions = {}) {
  if (error?.status === 401) return null;
  const reload = needsReload(error) ? actions.onReload : undefined;
  const action = reload
    ? element('button', { type: 'button', class: 'button', on: { click: reload } }, 'Reload ticket')
    : actions.onRetry
      ? element('button', { type: 'button', class: 'button', on: { click: actions.onRetry } }, 'Try again')
      : null;
  return element(
    'div',
    { class: 'inline-error', role: 'alert', dataset: { code: error?.code ?? 'unknown' } },
    element('p', {}, describeApiError(error)),
    action,
  );
}
