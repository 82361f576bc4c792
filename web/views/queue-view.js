/**
 * The drafts awaiting review: searchable, filterable and sortable, with bulk approve and reject and
 * keyboard shortcuts. New drafts and decisions arrive over the live stream; while the stream is down
 * the list refreshes every 10 seconds instead.
 */
import { element, replaceChildren } from '../dom.js';
import { formatTime } from '../format.js';
import { createDeliveryFailuresPanel } from './delivery-failures.js';
import { shortcutAction } from '../keyboard-shortcuts.js';
import { queueQuery } from '../queue-filters.js';
import { bulkBar } from './bulk-bar.js';
import { draftTable } from './draft-table.js';
import { inlineError } from './inline-error.js';
import { queueFilterForm } from './queue-filter-form.js';
import { toggleShortcutHelp } from './shortcut-help.js';

export const QUEUE_REFRESH_MS = 10_000;

/**
 * @param {HTMLElement} container
 * @param {import('../console.js').ViewContext} context
 */
export function mountQueueView(container, context) {
  const abort = new AbortController();
  const heading = element('h1', { tabindex: '-1', class: 'view-heading' }, 'Drafts awaiting review');
  const updated = element('span', { class: 'muted', id: 'queue-updated' });
  const liveState = element('span', { class: 'live-state muted', id: 'queue-live' });
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
  const helpButton = element('button', { type: 'button', class: 'button button-quiet', id: 'shortcut-help-button', 'aria-keyshortcuts': '?', on: { click: () => toggleShortcutHelp() } }, 'Shortcuts ?');
  const filters = queueFilterForm({ initial: context.queueFilters, onChange: (next) => ((context.queueFilters = next), refresh(true)) });
  const errorSlot = element('div');
  const hiddenNote = element('p', { class: 'muted hidden-note', id: 'queue-hidden-test' });
  const body = element('div', { id: 'queue-body', 'aria-busy': 'true' }, element('p', { class: 'muted' }, 'Loading drafts…'));
  const failures = createDeliveryFailuresPanel(context);
  /** @type {Array<any>} */
  let drafts = [];
  /** @type {Set<string>} */
  const selected = new Set();
  let cursor = -1;
  const bulk = bulkBar({
    context,
    selectedItems: () => drafts.filter((draft) => selected.has(draft.ticketId)),
    onDone: (succeeded) => {
      for (const ticketId of succeeded) selected.delete(ticketId);
      refresh();
    },
  });
  replaceChildren(
    container,
    element(
      'div',
      { class: 'view-header' },
      heading,
      element('div', { class: 'toolbar' }, liveState, updated, refreshButton, helpButton),
    ),
    element('section', { class: 'card' }, filters.form),
    bulk.element,
    errorSlot,
    failures.element,
    hiddenNote,
    body,
  );

  let shown = null;
  let loading = false;
  let again = false;

  function render() {
    context.queueOrder = drafts.map((draft) => draft.ticketId);
    filters.setIntents(drafts.map((draft) => draft.intent));
    for (const ticketId of [...selected]) if (!context.queueOrder.includes(ticketId)) selected.delete(ticketId);
    bulk.update(selected.size);
    if (drafts.length === 0) {
      cursor = -1;
      replaceChildren(body, element('div', { class: 'empty-state' }, element('p', {}, 'Nothing to review.'), element('p', { class: 'muted' }, 'New drafts appear here on their own.')));
      return;
    }
    // A refresh must not pull the row a keyboard user is on out from under them.
    const focusedTicket = document.activeElement?.closest?.('tr[data-ticket-id]')?.getAttribute('data-ticket-id');
    const currentTicket = cursor >= 0 ? body.querySelectorAll('tr[data-ticket-id]')[cursor]?.getAttribute('data-ticket-id') : null;
    replaceChildren(
      body,
      draftTable({
        rows: drafts,
        selected,
        me: context.me(),
        onOpen: (ticketId) => context.openTicket(ticketId),
        onSelect: (ticketId, isSelected) => {
          if (isSelected) selected.add(ticketId);
          else selected.delete(ticketId);
          markRows();
        },
        onSelectAll: (isSelected) => {
          for (const draft of drafts) {
            if (isSelected) selected.add(draft.ticketId);
            else selected.delete(draft.ticketId);
          }
          markRows();
        },
      }),
    );
    cursor = currentTicket ? context.queueOrder.indexOf(currentTicket) : -1;
    markRows();
    if (focusedTicket) {
      for (const row of body.querySelectorAll('tr[data-ticket-id]')) {
        if (row.getAttribute('data-ticket-id') === focusedTicket) row.querySelector('a')?.focus();
      }
    }
  }

  /** Checkbox, selection and keyboard-cursor state onto the rows, without redrawing them. */
  function markRows() {
    const rows = body.querySelectorAll('tr[data-ticket-id]');
    rows.forEach((row, index) => {
      const ticketId = row.getAttribute('data-ticket-id') ?? '';
      row.classList.toggle('is-selected', selected.has(ticketId));
      row.classList.toggle('is-current', index === cursor);
      if (index === cursor) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
      const checkbox = /** @type {HTMLInputElement | null} */ (row.querySelector('input.row-select'));
      if (checkbox) checkbox.checked = selected.has(ticketId);
    });
    const all = /** @type {HTMLInputElement | null} */ (body.querySelector('#select-all'));
    if (all) all.checked = drafts.length > 0 && drafts.every((draft) => selected.has(draft.ticketId));
    bulk.update(selected.size);
  }

  function moveCursor(step) {
    if (drafts.length === 0) return;
    cursor = cursor < 0 ? (step > 0 ? 0 : drafts.length - 1) : Math.min(drafts.length - 1, Math.max(0, cursor + step));
    markRows();
    const row = body.querySelectorAll('tr[data-ticket-id]')[cursor];
    row?.querySelector('a')?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }

  function currentDraft() {
    return cursor >= 0 ? drafts[cursor] : undefined;
  }

  async function refresh(requestedByReviewer = false) {
    if (loading) {
      // A change while a read is on its way is read again afterwards, not lost.
      again = true;
      return;
    }
    loading = true;
    body.setAttribute('aria-busy', 'true');
    try {
      const [answer] = await Promise.all([
        context.api.get('/api/drafts', queueQuery(context.queueFilters), abort.signal),
        failures.refresh(abort.signal),
      ]);
      if (abort.signal.aborted) return;
      const signature = JSON.stringify(answer.drafts.map((draft) => [draft.ticketId, draft.createdAt, draft.claimedBy, draft.draftHash]));
      hiddenNote.textContent = answer.hiddenTest > 0 ? `${answer.hiddenTest} test ticket${answer.hiddenTest === 1 ? '' : 's'} (CLI, eval) hidden.` : '';
      if (signature !== shown) {
        shown = signature;
        drafts = answer.drafts;
        render();
      }
      replaceChildren(errorSlot);
      updated.textContent = `Updated ${formatTime(new Date().toISOString()).slice(0, 8)}`;
      if (requestedByReviewer) context.announce(`${drafts.length} draft${drafts.length === 1 ? '' : 's'} awaiting review.`);
      context.refreshQueueCount();
    } catch (error) {
      if (abort.signal.aborted) return;
      replaceChildren(errorSlot, inlineError(error, { onRetry: () => refresh(true) }));
    } finally {
      loading = false;
      body.setAttribute('aria-busy', 'false');
      if (again && !abort.signal.aborted) {
        again = false;
        refresh();
      }
    }
  }

  function onKeyDown(event) {
    if (document.querySelector('dialog[open]') && event.key !== '?') return;
    const action = shortcutAction(event);
    if (!action) return;
    const draft = currentDraft();
    if (action === 'next') moveCursor(1);
    else if (action === 'previous') moveCursor(-1);
    else if (action === 'help') toggleShortcutHelp();
    else if (action === 'search') filters.focusSearch();
    else if (action === 'open' && draft) context.openTicket(draft.ticketId);
    else if (action === 'edit' && draft) context.openTicket(draft.ticketId, { edit: true });
    else if (action === 'select' && draft) {
      if (selected.has(draft.ticketId)) selected.delete(draft.ticketId);
      else selected.add(draft.ticketId);
      markRows();
    } else if ((action === 'approve' || action === 'reject') && draft) {
      // The row under the cursor is the one acted on, alone, through the same per-item path as a bulk action.
      bulk.act(action, [draft]);
    } else return;
    event.preventDefault();
  }
  document.addEventListener('keydown', onKeyDown);

  let timer;
  function restartTimer() {
    clearInterval(timer);
    timer = setInterval(() => {
      // The live stream makes polling unnecessary; it is the fallback while the stream is down.
      if (document.visibilityState === 'visible' && !context.live.isLive()) refresh();
    }, QUEUE_REFRESH_MS);
  }
  restartTimer();
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  const unsubscribe = context.live.subscribe(() => refresh());
  const unwatchStatus = context.watchLiveStatus((status) => {
    liveState.textContent = status === 'live' ? '● Live' : status === 'connecting' ? 'Connecting…' : `Refreshes every ${QUEUE_REFRESH_MS / 1000} s`;
    liveState.classList.toggle('is-live', status === 'live');
  });
  refresh();

  return {
    heading,
    unmount() {
      abort.abort();
      clearInterval(timer);
      unsubscribe();
      unwatchStatus();
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
