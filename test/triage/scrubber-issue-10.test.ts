/** The detectors added for issue 10, one shape each, with the look-alikes that must stay. */
import { describe, expect, it } from 'vitest';
import { looksRandom } from '../../src/triage/scrubber-entropy.js';
import { isValidSsn, passesAbaChecksum } from '../../src/triage/scrubber-national-ids.js';
import { scrubText } from '../../src/triage/scrubber.js';

const scrub = (text: string) => scrubText(text).text;

describe('national ids and bank accounts', () => {
  it('find SSNs in issued ranges only', () => {
    expect(scrub('SSN 123-45-6789 please')).toBe('SSN [national-id:ssn] please');
    expect(isValidSsn('666', '12', '3456')).toBe(false);
    expect(scrub('ref 900-12-3456')).toBe('ref 900-12-3456');
  });

  it('find UK NI numbers, sort codes with accounts and US routing numbers by their checksum', () => {
    expect(scrub('NI number AB 12 34 56 C')).toBe('NI number [national-id:ni]');
    expect(scrub('sort code 12-34-56 account 31926819')).toBe('sort code [account:sort-code] account [account:****6819]');
    expect(passesAbaChecksum('021000021')).toBe(true);
    expect(passesAbaChecksum('021000022')).toBe(false);
    expect(scrub('routing 021000021, account number 1234567890')).toBe('routing [account:routing], account number [account:****7890]');
    expect(scrub('my customer account 10042')).toBe('my customer account 10042');
  });
});

describe('entropy', () => {
  it('takes random mixed tokens and leaves ids, tracking numbers, hashes and names', () => {
    expect(looksRandom('q8ZrT2vLm9XwK4pN7sYb3HdF')).toBe(true);
    for (const value of ['1Z999AA10123456784', 'a3f5c9e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2', 'PaymentMethodNotSupportedError', 'Northwind-Order-Export-2024-Q3.csv', 'INV-2024-00042-DE']) {
      expect(looksRandom(value), value).toBe(false);
    }
  });
});

describe('passwords and codes in sentences', () => {
  it.each([
    ['my pw is Tulip#4821, still fails', 'my pw is [password], still fails'],
    ['I changed my password to Maple!0042 yesterday', 'I changed my password to [password] yesterday'],
    ['mein Passwort ist Sonne2024!', 'mein Passwort ist [password]'],
    ['mon mot de passe est Chat#99', 'mon mot de passe est [password]'],
    ['mi contraseña es Perro_77', 'mi contraseña es [password]'],
    ['moje hasło to Kot$123', 'moje hasło to [password]'],
    ['the one I use everywhere is sunflower', 'the one I use everywhere is [password]'],
    ['the code you texted me is 481516', 'the code you texted me is [password]'],
    ['2FA: 123 456', '2FA: [password]'],
    ['my verification code is 7 3 9 1 0 4, is that right?', 'my verification code is [password], is that right?'],
    ['SMS code: 4-8-1-5-1-6', 'SMS code: [password]'],
    ['curl -u ada:S3cret! https://x.example', 'curl -u ada:[password] https://x.example'],
    ['{"key": "abcDEF123ghiJKL"}', '{"key": "[secret:redacted]"}'],
    ['PAYMENT_API_KEY=abc123def456', 'PAYMENT_API_KEY=[secret:redacted]'],
    ['see /api/tickets/T-1?token=short1&view=full', 'see /api/tickets/T-1?token=[secret:redacted]&view=full'],
  ])('%s', (text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it('leaves sentences about passwords alone', () => {
    for (const text of ['my password was stolen', 'moje hasło to nie działa', 'mein Passwort ist falsch', 'mon mot de passe est oublié', 'the code you texted me never arrived', 'I set my password to expire', 'the login code 2 times failed']) {
      expect(scrub(text)).toBe(text);
    }
  });
});
