/**
 * The confidence histogram above the decisions: how many were sent and drafted in each band, with
 * the auto-send threshold marked. A bar narrows the search to its band.
 */
import { confidenceHistogram } from '../confidence-histogram.js';
import { element } from '../dom.js';

/**
 * @param {{decisions: Array<{confidence: number, decision: string}>, threshold?: number, onPick: (from: number, to: number) => void}} options
 */
export function histogramChart(options) {
  const bins = confidenceHistogram(options.decisions);
  const tallest = Math.max(1, ...bins.map((bin) => bin.sent + bin.drafted));
  const threshold = options.threshold ?? 0.9;
  const bars = bins.map((bin) => {
    const total = bin.sent + bin.drafted;
    const range = `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`;
    const label = `${range}: ${total} decision${total === 1 ? '' : 's'} (${bin.sent} sent, ${bin.drafted} drafted)`;
    return element(
      'li',
      { class: `histogram-bin${bin.from >= threshold ? ' above-threshold' : ''}`, dataset: { from: bin.from.toFixed(1), sent: String(bin.sent), drafted: String(bin.drafted) } },
      element(
        'button',
        { type: 'button', class: 'histogram-bar', title: label, 'aria-label': `${label}. Show only these.`, disabled: total === 0, on: { click: () => options.onPick(bin.from, bin.to) } },
        element(
          'span',
          { class: 'histogram-stack' },
          element('span', { class: 'histogram-drafted', dataset: { height: String(Math.round((bin.drafted / tallest) * 100)) } }),
          element('span', { class: 'histogram-sent', dataset: { height: String(Math.round((bin.sent / tallest) * 100)) } }),
        ),
        element('span', { class: 'histogram-count' }, String(total)),
      ),
      element('span', { class: 'histogram-label' }, bin.from.toFixed(1)),
    );
  });
  const chart = element(
    'figure',
    { class: 'card histogram', id: 'confidence-histogram' },
    element('figcaption', {}, element('strong', {}, 'Confidence'), element('span', { class: 'muted' }, ` of these decisions · `), element('span', { class: 'legend legend-sent' }, 'sent'), ' ', element('span', { class: 'legend legend-drafted' }, 'drafted'), element('span', { class: 'muted' }, ` · auto-send threshold ${threshold}`)),
    element('ol', { class: 'histogram-bins' }, bars),
  );
  // Through the CSSOM: the page's Content-Security-Policy (style-src 'self') blocks style attributes in markup, not this.
  for (const segment of chart.querySelectorAll('[data-height]')) {
    /** @type {HTMLElement} */ (segment).style.height = `${segment.getAttribute('data-height')}%`;
  }
  return chart;
}
