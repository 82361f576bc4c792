/**
 * The queue's filters as data: what the form holds, what /api/drafts is asked, and the defaults
 * (newest first, test tickets from the CLI and evals hidden). Pure, so it runs under Node in tests.
 */

export const QUEUE_FILTER_NAMES = ['q', 'customer', 'source', 'intent', 'tag', 'olderThan', 'minConfidence', 'maxConfidence', 'sort', 'includeTest'];

export const QUEUE_SORTS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'confidence', label: 'Lowest confidence' },
  { value: 'confidence-desc', label: 'Highest confidence' },
];

export const QUEUE_SOURCES = ['zendesk', 'intercom', 'hubspot', 'generic', 'cli', 'eval'];

export const QUEUE_AGES = [
  { value: '', label: 'any age' },
  { value: '15m', label: 'older than 15 min' },
  { value: '1h', label: 'older than 1 h' },
  { value: '4h', label: 'older than 4 h' },
  { value: '24h', label: 'older than 24 h' },
];

/** @returns {Record<string, string>} */
export function defaultQueueFilters() {
  return { q: '', customer: '', source: '', intent: '', tag: '', olderThan: '', minConfidence: '', maxConfidence: '', sort: 'newest', includeTest: 'false' };
}

/**
 * The query for /api/drafts: empty filters and defaults left out, so the request says only what
 * the reviewer chose.
 * @param {Record<string, string>} filters
 */
export function queueQuery(filters) {
  const defaults = defaultQueueFilters();
  /** @type {Record<string, string>} */
  const query = {};
  for (const name of QUEUE_FILTER_NAMES) {
    const value = String(filters[name] ?? '').trim();
    if (value !== '' && value !== defaults[name]) query[name] = value;
  }
  return query;
}

/** How many filters narrow the list (sort and the test toggle do not count). */
export function activeFilterCount(filters) {
  return Object.keys(queueQuery(filters)).filter((name) => name !== 'sort' && name !== 'includeTest').length;
}
