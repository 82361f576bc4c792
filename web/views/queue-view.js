/** The drafts awaiting review, newest first, refreshed every 10 seconds and on demand. */
import { element, replaceChildren } from '../dom.js';
import { firstLine, formatTime } from '../format.js';
import { decisionTable } from './decision-table.js';
import { createDeliveryFailuresPanel } from './delivery-failures.js';
import { inlineError } from './inline-error.js';

export const QUEUE_REFRESH_MS = 10_000;

/**
 * @param {HTMLElement} container
 * @param {import('../console.js').ViewContext} context
 */
export function mountQueueView(container, context) {
  const abort = new AbortController();
  const heading = element('h1', { tabindex: '-1', class: 'view-heading' }, 'Drafts awaiting review');
  const updated = element('span', { class: 'muted', id: 'queue-updated' });
  const refreshButton = element(
    'button',
    {
      type: 'button',
      class: 'button',
      id: 'queue-refresh',
      on: {
        click: () => {
          // The next automatic refresh counts from this one, not from an older tick.
          restartTimer();
          refresh(true);
        },
      },
    },
    'Refresh',
  );
  const errorSlot = element('div');
  const body = element('div', { id: 'queue-body', 'aria-busy': 'true' }, element('p', { class: 'muted' }, 'Loading drafts…'));
  const failures = createDeliveryFailuresPanel(context);
  replaceChildren(
    container,
    element(
      'div',
      { class: 'view-header' },
      heading,
      element('div', { class: 'toolbar' }, updated, element('span', { class: 'muted' }, 'Refreshes every 10 s'), refreshButton),
    ),
    errorSlot,
    failures.element,
    body,
  );

  let shown = null;
  let loading = false;

  /** First lines the drafts list already carries, by ticket id. */
  let knownLines = new Map();

  /** The first line of the customer's text: from the list, or filled in when the ticket arrives. */
  function ticketLine(ticketId) {
    const known = knownLines.get(ticketId);
    if (known) return element('span', { class: 'ticket-line' }, known);
    const line = element('span', { class: 'ticket-line muted' }, '…');
    context.tickets
      .get(ticketId)
      .then((ticket) => {
        line.textContent = firstLine(ticket.body) || firstLine(ticket.subject) || '(empty ticket)';
        line.classList.remove('muted');
      })
      .catch(() => {
        line.textContent = '(text not available)';
      });
    return line;
  }

  function render(drafts) {
    knownLines = new Map(drafts.filter((draft) => draft.firstLine).map((draft) => [draft.ticketId, draft.firstLine]));
    context.setQueueCount(drafts.length);
    if (drafts.length === 0) {
      replaceChildren(body, element('div', { class: 'empty-state' }, element('p', {}, 'Nothing to review.'), element('p', { class: 'muted' }, 'New drafts appear here on their own.')));
      return;
    }
    // A refresh must not pull the row a keyboard user is on out from under them.
    const focusedTicket = document.activeElement?.closest?.('tr[data-ticket-id]')?.getAttribute('data-ticket-id');
    replaceChildren(body, decisionTable({ rows: drafts, caption: 'Drafts awaiting review, newest first', ticketLine, onOpen: (ticketId) => context.openTicket(ticketId) }));
    if (focusedTicket) {
      for (const row of body.querySelectorAll('tr[data-ticket-id]')) {
        if (row.getAttribute('data-ticket-id') === focusedTicket) row.querySelector('a')?.focus();
      }
    }
  }

  async function refresh(requestedByReviewer = false) {
    if (loading) return;
    loading = true;
    body.setAttribute('aria-busy', 'true');
    try {
      const [{ drafts }] = await Promise.all([context.api.get('/api/drafts', undefined, abort.signal), failures.refresh(abort.signal)]);
      if (abort.signal.aborted) return;
      const newestFirst = [...drafts].sort((left, right) => String(right.createdAt).localeCompare(String(left.createdAt)));
      const signature = newestFirst.map((draft) => `${draft.ticketId}@${draft.createdAt}`).join('\n');
      if (signature !== shown) {
        shown = signature;
        render(newestFirst);
      }
      replaceChildren(errorSlot);
      updated.textContent = `Updated ${formatTime(new Date().toISOString()).slice(0, 8)}`;
      if (requestedByReviewer) context.announce(`${newestFirst.length} draft${newestFirst.length === 1 ? '' : 's'} awaiting review.`);
    } catch (error) {
      if (abort.signal.aborted) return;
      replaceChildren(errorSlot, inlineError(error, { onRetry: () => refresh(true) }));
    } finally {
      loading = false;
      body.setAttribute('aria-busy', 'false');
    }
  }

  let timer;
  function restartTimer() {
    clearInterval(timer);
    timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, QUEUE_REFRESH_MS);
  }
  restartTimer();
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  refresh();

  return {
    heading,
    unmount() {
      abort.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
