/**
 * Closed sets of alternatives the material chooses between: a reply that names one member where the
 * source sentence backing it names another has swapped a fact ("Express" for "Standard", "hours" for
 * "minutes", "old" for "new address"), though every other word agrees. The members are the terms of
 * data/kb and data/crm (delivery options, payment methods, carriers, time units, weekdays, billing
 * periods) and the opposites their sentences turn on (before/after, old/new, keep receiving/stop receiving). Each set is
 * a list of groups; the phrases of one group mean the same ("right away", "straight away").
 * Order statuses and plan names are bound by fact-binding.ts.
 */
import { phraseTokens } from './reply-tokens.js';

export interface ContrastSet {
  name: string;
  groups: string[][][];
  /** Members a number is said of ("Express ... 1 to 2 days"): used to bind numbers to their subject. */
  anchors: boolean;
}

function set(name: string, anchors: boolean, groups: string[][]): ContrastSet {
  return { name, anchors, groups: groups.map((group) => group.map(phraseTokens)) };
}

export const CONTRAST_SETS: readonly ContrastSet[] = [
  set('delivery option', true, [['standard'], ['express'], ['pickup point', 'pick-up point', 'pickup'], ['international'], ['next day', 'next-day']]),
  set('payment method', true, [
    ['visa'],
    ['mastercard'],
    ['american express', 'amex'],
    ['paypal'],
    ['apple pay'],
    ['google pay'],
    ['gift card', 'gift cards', 'gift card balance'],
    ['bank transfer', 'wire transfer', 'sepa transfer'],
    ['cash on delivery', 'cash'],
    ['cheque', 'check payment'],
    ['direct debit'],
    ['klarna', 'buy now pay later', 'buy-now-pay-later', 'instalments', 'installments'],
    ['crypto', 'bitcoin', 'cryptocurrency'],
  ]),
  set('carrier', true, [
    ['dhl'],
    ['ups'],
    ['fedex'],
    ['dpd'],
    ['gls'],
    ['royal mail'],
    ['swiss post'],
    ['postnl'],
    ['colissimo'],
    ['usps'],
    ['hermes', 'evri'],
    ['canada post'],
    ['la poste'],
    ['bpost'],
  ]),
  set('time unit', false, [['second'], ['minute'], ['hour'], ['day'], ['week', 'weekly'], ['month'], ['year', 'yearly', 'annual', 'annually']]),
  set('weekday', false, [['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday', 'weekend', 'weekends'], ['sunday']]),
  set('billing period', true, [['monthly', 'month-to-month'], ['yearly', 'annual', 'annually']]),
  set('when', false, [['before'], ['after']]),
  set('which address', false, [['old address', 'old email', 'previous address', 'former address'], ['new address', 'new email']]),
  // "keep receiving" (not "keep the plan from renewing", which is a stop).
  set('continue or stop', false, [
    ['keep receiving', 'keep getting', 'keep sending', 'continue receiving', 'continue to receive', 'continue to get', 'still receive', 'still get'],
    ['stop receiving', 'stop getting', 'stop sending', 'no longer receive', 'no longer get', 'no longer send'],
  ]),
  set('used', false, [['unused', 'new condition'], ['used', 'worn', 'opened']]),
  set('counted from', false, [
    ['of delivery', 'from delivery', 'after delivery', 'from the delivery date', 'of receiving', 'after receiving'],
    ['of purchase', 'from purchase', 'after purchase', 'of ordering', 'of the order date', 'from the order date', 'of placing', 'of payment', 'after payment', 'purchase date', 'order date'],
  ]),
  set('inclusion', false, [
    ['including', 'inclusive of', 'as well as', 'include', 'includes'],
    ['outside', 'excluding', 'except', 'apart from', 'other than', 'not including', 'exclude', 'excludes'],
  ]),
  // How something reaches the customer: "we email them" is not "we text them".
  set('channel', false, [
    ['email', 'emails', 'e-mail', 'by email', 'emailed'],
    ['text message', 'sms', 'text them', 'text you', 'texted'],
    ['phone call', 'call you', 'by phone', 'phone us'],
    ['by post', 'by mail', 'letter', 'posted'],
  ]),
  set('timing', false, [
    ['straight away', 'right away', 'immediately', 'at once', 'instantly', 'right now'],
    ['next renewal', 'next billing', 'end of your current billing period', 'end of the billing period'],
  ]),
];
