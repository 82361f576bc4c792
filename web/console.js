/**
 * The review console: signs the reviewer in, routes between the queue, a ticket and the decisions
 * search (hash routes, so the static server needs no rewrites), and gives the views what they share.
 */
import { createApiClient } from './api-client.js';
import { element, replaceChildren } from './dom.js';
import { describeApiError } from './error-messages.js';
import { createLiveUpdates } from './live-updates.js';
import { defaultQueueFilters } from './queue-filters.js';
import { createSession, takeTokenFromFragment } from './session.js';
import { createTicketCache } from './ticket-cache.js';
import { mountCanaryView } from './views/canary-view.js';
import { mountDecisionsView } from './views/decisions-view.js';
import { mountQueueView } from './views/queue-view.js';
import { mountSignInView } from './views/sign-in-view.js';
import { mountTicketView } from './views/ticket-view.js';

/**
 * @typedef {object} ViewContext
 * @property {ReturnType<typeof createApiClient>} api
 * @property {ReturnType<typeof createSession>} session
 * @property {ReturnType<typeof createTicketCache>} tickets
 * @property {(ticketId: string, options?: {edit?: boolean}) => void} openTicket
 * @property {() => boolean} takeEditRequest True once after openTicket(..., {edit: true}).
 * @property {() => string | null} me The signed-in reviewer's name as the service knows it.
 * @property {ReturnType<typeof createLiveUpdates>} live
 * @property {(listener: (status: string) => void) => () => void} watchLiveStatus
 * @property {Record<string, string>} queueFilters Kept across views, so Back to the queue keeps them.
 * @property {string[]} queueOrder The queue as last shown, for next/previous on a ticket.
 * @property {(hash: string) => void} recordRoute Adds a history entry for what the view already shows.
 * @property {(message: string) => void} announce
 * @property {(count: number) => void} setQueueCount
 * @property {() => void} refreshQueueCount Re-reads the number of drafts for the navigation badge.
 */

/** @typedef {{name: 'queue'} | {name: 'ticket', ticketId: string} | {name: 'decisions', query: URLSearchParams} | {name: 'canary'}} Route */

const UNAUTHORIZED_MESSAGE = 'That reviewer token was not accepted (401). Enter the current token to continue.';

/** @param {string} hash @returns {Route} */
export function parseRoute(hash) {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  if (path.startsWith('/tickets/')) {
    try {
      const ticketId = decodeURIComponent(path.slice('/tickets/'.length));
      if (ticketId) return { name: 'ticket', ticketId };
    } catch {
      // A mangled link falls through to the queue.
    }
  }
  if (path === '/decisions') return { name: 'decisions', query: new URLSearchParams(search) };
  if (path === '/canary') return { name: 'canary' };
  return { name: 'queue' };
}

function start() {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const nav = /** @type {HTMLElement} */ (document.getElementById('app-nav'));
  const sessionControls = /** @type {HTMLElement} */ (document.getElementById('session-controls'));
  const reviewerLabel = /** @type {HTMLElement} */ (document.getElementById('reviewer-name'));
  const announcer = /** @type {HTMLElement} */ (document.getElementById('announcer'));
  const queueCount = /** @type {HTMLElement} */ (document.getElementById('queue-count'));

  const session = createSession(window.sessionStorage);
  // Before anything else, so the token leaves the address bar even if the page fails later.
  const fragmentToken = takeTokenFromFragment(window.location, window.history);
  if (fragmentToken) session.setToken(fragmentToken);

  /** @type {{unmount: () => void, heading?: HTMLElement, showMessage?: (message: string, tone?: 'error' | 'info') => void} | null} */
  let current = null;
  let currentKey = '';
  let signingIn = false;

  const api = createApiClient({ getToken: session.getToken, onUnauthorized: () => showSignIn(UNAUTHORIZED_MESSAGE) });
  const tickets = createTicketCache(api);
  /** @type {Set<(status: string) => void>} */
  const liveWatchers = new Set();
  let liveStatus = 'offline';
  const live = createLiveUpdates({
    getToken: session.getToken,
    onStatus: (status) => {
      liveStatus = status;
      for (const watcher of liveWatchers) watcher(status);
    },
  });
  // A decision anywhere changes the badge, whichever view is open.
  live.subscribe(() => refreshQueueCount());
  let me = null;
  let editRequested = false;

  /** @type {ViewContext} */
  const context = {
    api,
    session,
    tickets,
    openTicket: (ticketId, options = {}) => {
      editRequested = Boolean(options.edit);
      window.location.hash = `#/tickets/${encodeURIComponent(ticketId)}`;
    },
    takeEditRequest: () => {
      const requested = editRequested;
      editRequested = false;
      return requested;
    },
    me: () => me,
    live,
    watchLiveStatus: (listener) => {
      liveWatchers.add(listener);
      listener(liveStatus);
      return () => liveWatchers.delete(listener);
    },
    queueFilters: defaultQueueFilters(),
    queueOrder: [],
    recordRoute: (hash) => {
      if (window.location.hash === hash) return;
      window.history.pushState(null, '', hash);
      // pushState fires no hashchange; remember the key so the router does not remount for it.
      currentKey = window.location.hash;
      markNavigation(parseRoute(hash));
    },
    announce,
    setQueueCount,
    refreshQueueCount,
  };

  function setQueueCount(count) {
    queueCount.textContent = String(count);
    queueCount.hidden = false;
  }

  async function refreshQueueCount() {
    try {
      const { drafts } = await api.get('/api/drafts');
      setQueueCount(drafts.length);
    } catch {
      // The badge is a hint; the views report errors where they matter.
    }
  }

  // The live region stays in the page (hiding it would keep screen readers from announcing into it).
  function announce(message) {
    replaceChildren(announcer, message ? element('p', {}, message) : null);
  }

  function unmountCurrent() {
    current?.unmount();
    current = null;
  }

  /** @param {string} [message] @param {'error' | 'info'} [tone] */
  function showSignIn(message, tone = 'error') {
    session.signOut();
    live.stop();
    me = null;
    tickets.clear();
    nav.hidden = true;
    sessionControls.hidden = true;
    queueCount.hidden = true;
    if (signingIn && current?.showMessage) {
      if (message) current.showMessage(message, tone);
      return;
    }
    unmountCurrent();
    signingIn = true;
    currentKey = '';
    announce('');
    current = mountSignInView(main, {
      message,
      tone,
      reviewer: session.getReviewer(),
      onSubmit: async (token, reviewer) => {
        session.setToken(token);
        session.setReviewer(reviewer);
        try {
          // A cheap authenticated call, so a wrong token is caught here and not by a half-drawn view.
          await api.get('/api/decisions', { limit: 1 });
        } catch (error) {
          if (/** @type {{status?: number}} */ (error).status !== 401) current?.showMessage?.(describeApiError(error));
          return;
        }
        signingIn = false;
        route({ focus: true });
      },
    });
    document.title = 'Sign in · Triage review console';
  }

  function markNavigation(activeRoute) {
    for (const link of nav.querySelectorAll('a[data-route]')) {
      if (link.getAttribute('data-route') === activeRoute.name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  /** @param {{focus?: boolean}} [options] */
  function route(options = {}) {
    if (!session.getToken()) {
      showSignIn();
      return;
    }
    const key = window.location.hash || '#/queue';
    if (current && !signingIn && key === currentKey) return;
    signingIn = false;
    unmountCurrent();
    announce('');
    currentKey = key;
    nav.hidden = false;
    sessionControls.hidden = false;
    reviewerLabel.textContent = me ?? session.getReviewer() ?? '';
    if (!me) void whoAmI();
    live.start();
    const next = parseRoute(key);
    markNavigation(next);
    if (next.name === 'ticket') {
      current = mountTicketView(main, context, next.ticketId);
      document.title = `${next.ticketId} · Triage review console`;
    } else if (next.name === 'decisions') {
      current = mountDecisionsView(main, context, next.query);
      document.title = 'Decisions · Triage review console';
    } else if (next.name === 'canary') {
      current = mountCanaryView(main, context);
      document.title = 'Canary · Triage review console';
    } else {
      current = mountQueueView(main, context);
      document.title = 'Queue · Triage review console';
    }
    // The queue view keeps the badge current itself; elsewhere it is read once per view.
    if (next.name !== 'queue') refreshQueueCount();
    // Moving focus to the new heading tells screen-reader and keyboard users the view changed.
    if (options.focus) current.heading?.focus();
  }

  /** The name the audit trail records: the named reviewer's, or the shared token's "reviewer". */
  async function whoAmI() {
    try {
      const answer = await api.get('/api/me');
      me = answer.reviewer;
      const typed = session.getReviewer();
      reviewerLabel.textContent = answer.shared && typed ? `${typed} (shared token)` : answer.reviewer;
    } catch {
      // The label is a hint; a 401 has already sent the reviewer to sign in.
    }
  }

  document.getElementById('sign-out')?.addEventListener('click', () => {
    showSignIn('Signed out. Enter the token to sign in again.', 'info');
  });
  // Back and Forward between searches come as popstate; links and openTicket as hashchange.
  window.addEventListener('hashchange', () => route({ focus: true }));
  window.addEventListener('popstate', () => route({ focus: true }));
  route();
}

if (typeof document !== 'undefined') start();
