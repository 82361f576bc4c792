/**
 * Who is working on this ticket. A claim by someone else is shown and blocks approve and reject
 * until the reviewer takes the ticket over, explicitly, with the button here.
 */
import { ticketPath } from '../api-client.js';
import { element, replaceChildren } from '../dom.js';
import { formatDateTime } from '../format.js';
import { inlineError } from './inline-error.js';

/**
 * @param {{
 *   context: import('../console.js').ViewContext,
 *   ticketId: string,
 *   onChange: (claimedByOther: boolean) => void,
 * }} options
 */
export function claimBar(options) {
  const { context, ticketId } = options;
  const root = element('div', { id: 'claim-bar', class: 'claim-bar' });
  /** @type {{reviewer: string, claimedAt: string} | null} */
  let claim = null;

  async function send(action, body) {
    try {
      const answer = await context.api.post(ticketPath(ticketId, action), body);
      claim = answer.claimedBy ? { reviewer: answer.claimedBy, claimedAt: answer.claimedAt } : null;
      render();
      if (action === 'claim') context.announce(answer.tookOverFrom ? `You took ${ticketId} over from ${answer.tookOverFrom}.` : `You are working on ${ticketId}.`);
    } catch (error) {
      render();
      root.append(inlineError(error) ?? '');
    }
  }

  function render() {
    const me = context.me();
    const mine = claim !== null && claim.reviewer === me;
    const other = claim !== null && !mine;
    if (!claim) {
      replaceChildren(root, element('span', { class: 'muted' }, 'Nobody is working on this ticket.'), element('button', { type: 'button', class: 'button', id: 'claim', on: { click: () => send('claim', {}) } }, 'Claim'));
    } else if (mine) {
      replaceChildren(
        root,
        element('span', { class: 'claim-chip claim-mine' }, 'You are working on this ticket'),
        element('button', { type: 'button', class: 'button button-quiet', id: 'release', on: { click: () => send('release', {}) } }, 'Release'),
      );
    } else {
      replaceChildren(
        root,
        element(
          'p',
          { class: 'notice', id: 'claimed-by-other', role: 'status' },
          element('strong', {}, claim.reviewer),
          ` is working on this ticket (since ${formatDateTime(claim.claimedAt)}). Take it over to approve or reject it.`,
        ),
        element('button', { type: 'button', class: 'button', id: 'take-over', on: { click: () => send('claim', { takeOver: true }) } }, 'Take over'),
      );
    }
    options.onChange(other);
  }

  return {
    element: root,
    /** @param {{reviewer: string, claimedAt: string} | null} next */
    update(next) {
      claim = next ? { reviewer: next.reviewer, claimedAt: next.claimedAt } : null;
      render();
    },
  };
}
