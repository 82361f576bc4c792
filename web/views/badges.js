/** Small pieces shared by the views: tag chips, confidence and status badges. */
import { element } from '../dom.js';
import { confidenceBand, formatConfidence, tagClass } from '../format.js';

/** @param {string[]} tags */
export function tagChips(tags) {
  if (!Array.isArray(tags) || tags.length === 0) return element('span', { class: 'muted' }, 'no tags');
  return element('ul', { class: 'chips', 'aria-label': 'Tags' }, tags.map((tag) => element('li', { class: tagClass(tag) }, tag)));
}

/** @param {number} value */
export function confidenceBadge(value) {
  return element('span', { class: `confidence confidence-${confidenceBand(value)}`, title: `confidence ${value}` }, formatConfidence(value));
}

const STATUS_LABELS = {
  queued: 'queued',
  running: 'running',
  sent: 'sent',
  drafted: 'drafted',
  noted: 'noted (internal note, not sent)',
  failed: 'failed',
  delivery_failed: 'delivery failed',
  'delivery-failed': 'delivery failed',
  'awaiting-review': 'awaiting review',
  approved: 'approved',
  'auto-sent': 'sent automatically',
  rejected: 'rejected',
  none: 'no reply',
};

/** @param {string} status a ticket status or a review state */
export function statusBadge(status, label) {
  const known = Object.hasOwn(STATUS_LABELS, status);
  return element('span', { class: known ? `badge badge-${status}` : 'badge' }, label ?? (known ? STATUS_LABELS[status] : status));
}
