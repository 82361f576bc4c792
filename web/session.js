/**
 * The reviewer's token and name, kept in sessionStorage: gone when the tab closes, never in a
 * cookie, never in the address bar.
 */

const TOKEN_KEY = 'triage-console.reviewer-token';
const REVIEWER_KEY = 'triage-console.reviewer-name';

/** @param {Storage} storage */
export function createSession(storage) {
  function read(key) {
    try {
      return storage.getItem(key);
    } catch {
      // Storage can be disabled by browser policy; the console then asks for the token again.
      return null;
    }
  }
  function write(key, value) {
    try {
      if (value) storage.setItem(key, value);
      else storage.removeItem(key);
    } catch {
      /* see read() */
    }
  }
  return {
    getToken: () => read(TOKEN_KEY),
    /** @param {string | null} token */
    setToken: (token) => write(TOKEN_KEY, token?.trim() || null),
    getReviewer: () => read(REVIEWER_KEY),
    /** @param {string | null} name */
    setReviewer: (name) => write(REVIEWER_KEY, name?.trim() || null),
    signOut: () => write(TOKEN_KEY, null),
  };
}

/**
 * Accepts a `#token=...` link once (what `triage serve` can print) and removes it from the address
 * bar and the history entry, so the token does not linger in history, bookmarks or screenshots.
 * @param {Location} location
 * @param {History} history
 * @returns {string | null}
 */
export function takeTokenFromFragment(location, history) {
  if (!location.hash.startsWith('#token=')) return null;
  const token = new URLSearchParams(location.hash.slice(1)).get('token')?.trim() ?? '';
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return token.length > 0 ? token : null;
}
