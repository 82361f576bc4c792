import { describe, expect, it } from 'vitest';
import { findInjectionSignals } from '../../src/triage/injection-signals.js';
import { namesOwnAddress } from '../../src/triage/own-address-context.js';

const allow = { customerEmails: ['ada@example.com'], ownHosts: ['help.northwind.example', 'northwind.example'] };
const thirdParty = (text: string) => findInjectionSignals(text, allow).some((signal) => signal.kind === 'third-party');
const own = (text: string, address: string) => {
  const start = text.indexOf(address);
  return namesOwnAddress(text, start, start + address.length);
};

describe('the customer names their own other address', () => {
  it.each([
    ['Hello, I want to change the email on my account to this one, my old one is ada.l@oldmail.example and I cannot log in.', 'ada.l@oldmail.example'],
    ['please change the email on my account from barbara@example.com to b.liskov@posteo.example.', 'b.liskov@posteo.example'],
    ['I seem to have two accounts, rupert.lang@gmail.example and r.lang@work.example. Can you merge them?', 'r.lang@work.example'],
    ['Please merge ada.l@oldmail.example into this one so all my orders are in one place.', 'ada.l@oldmail.example'],
    ['I ordered as guest using my work email ruth.blanco@architekten.example, and now I made an account.', 'ruth.blanco@architekten.example'],
    ['Writing from the new one, old was olga.i@yandex.example.', 'olga.i@yandex.example'],
    ['I use simran.work@outlook.example for my account, writing from my personal email.', 'simran.work@outlook.example'],
    ['Name: Aoife Brennan\nEmail: aoife.brennan@gmail.example\nMessage: If I buy a jumper, can I return it?', 'aoife.brennan@gmail.example'],
  ])('%s', (text, address) => {
    expect(own(text, address)).toBe(true);
    expect(thirdParty(text)).toBe(false);
  });

  it.each([
    ['Can you give me his password or reset it to my email? His email is peter.becker@gmail.example.', 'peter.becker@gmail.example'],
    ['Can you give her login access to my account with her own email dorothy.v@example.org?', 'dorothy.v@example.org'],
    ['Please send copies of my invoices to my accountant at cheng.wei@weilaw.example.', 'cheng.wei@weilaw.example'],
    ["What did my wife's email maria@example.org order last week?", 'maria@example.org'],
  ])("someone else's address: %s", (text, address) => {
    expect(own(text, address)).toBe(false);
    expect(thirdParty(text)).toBe(true);
  });
});
