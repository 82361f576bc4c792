/** Pure formatting helpers shared by the views (no DOM, so they also run under Node in tests). */

/** The first non-empty line of a text, cut to `maxLength` characters with an ellipsis. */
export function firstLine(text, maxLength = 120) {
  const line = String(text ?? '')
    .split(/\r?\n/)
    .map((part) => part.trim())
    .find((part) => part.length > 0) ?? '';
  return truncate(line, maxLength);
}

export function truncate(text, maxLength) {
  const value = String(text ?? '');
  return value.length > maxLength ? `${value.slice(0, Math.max(0, maxLength - 1))}…` : value;
}

/** 0.4391 -> "0.44"; anything that is not a number -> "–". */
export function formatConfidence(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '–';
}

/**
 * Colour band of a confidence, relative to the auto-send threshold: reviewers look hardest at
 * drafts that nearly went out on their own.
 */
export function confidenceBand(value, threshold = 0.9) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'unknown';
  if (value >= threshold) return 'high';
  if (value >= 0.6) return 'medium';
  return 'low';
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** "28 Nov, 12:35" in the reviewer's time zone; the input unchanged when it is not a time. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : dateTimeFormat.format(date);
}

/** "12:35:34.710": audit events of one run are milliseconds apart. */
export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return `${timeFormat.format(date)}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** "1.26 ms", "2.4 s". */
export function formatDuration(milliseconds) {
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) return '';
  return milliseconds < 1000 ? `${milliseconds.toFixed(milliseconds < 10 ? 1 : 0)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Tags with a known meaning get their own chip colour; any other tag gets the neutral one. */
const KNOWN_TAGS = new Set(['retention', 'legal-review', 'enterprise', 'needs-human', 'triage-failed']);

export function tagClass(tag) {
  return KNOWN_TAGS.has(tag) ? `chip chip-${tag}` : 'chip';
}

/** How long ago: "45 s", "12 min", "3 h", "2 d". A reviewer reads the queue by how long people have waited. */
export function formatAge(iso, now = Date.now()) {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}
