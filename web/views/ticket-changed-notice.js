/** Shown when someone else decided on the ticket while this page was open: reload to see it. */
import { element } from '../dom.js';

/** @param {string} review the ticket's review state now @param {() => void} onReload */
export function ticketChangedNotice(review, onReload) {
  return element(
    'div',
    { class: 'notice', role: 'status' },
    element('p', {}, `This ticket changed since you opened it (now: ${review}).`),
    element('button', { type: 'button', class: 'button', id: 'reload-changed', on: { click: onReload } }, 'Reload ticket'),
  );
}
