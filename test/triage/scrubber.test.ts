import { describe, expect, it } from 'vitest';
import { createScrubber, detectPii, scrubText, scrubValue } from '../../src/triage/scrubber.js';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('scrubText replacements', () => {
  it.each([
    ['write to ada@example.com', 'write to [email:***@example.com]'],
    ['call +44 20 7946 0958', 'call [phone:***58]'],
    ['card 4242 4242 4242 4242 please', 'card [card:****4242] please'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'IBAN [iban:DE**...3000]'],
    ['key sk-proj-4fT9kLm2QxV8bN1cR7wZ3yP5sD0gH6jK', 'key [secret:openai]'],
    ['key sk-ant-api03-Xy7Qw3Er5Ty7Ui9Op1As3Df5Gh7', 'key [secret:anthropic]'],
    ['id AKIAIOSFODNN7EXAMPLE', 'id [secret:aws]'],
    ['ghp_R8bX2mQ7vK4nL9pT1wZ6yC3sD5fG0hJ8kM2a', '[secret:github]'],
    ['xoxb-123456789012-1234567890123-AbCdEfGhIj', '[secret:slack]'],
    ['sk_live_51H8xYzAbCdEfGhIjKlMnOpQr', '[secret:stripe]'],
    [`token ${jwt}`, 'token [secret:jwt]'],
    ['Authorization: Bearer abc123def456ghi789', 'Authorization: Bearer [secret:bearer]'],
    ['my password is hunter2', 'my password is [password]'],
    ['pwd=hunter2&next=/orders', 'pwd=[password]&next=/orders'],
    ['passcode 482913 please', 'passcode [password] please'],
  ])('%s', (input, output) => {
    expect(scrubText(input).text).toBe(output);
  });

  it('counts findings per kind', () => {
    const result = scrubText('a@example.com, b@example.com, card 4111111111111111');
    expect(result.findings).toEqual([
      { kind: 'email', count: 2 },
      { kind: 'card', count: 1 },
    ]);
  });

  it('does not take a 16-digit number failing Luhn for a card', () => {
    expect(scrubText('card 4242 4242 4242 4241').text).toBe('card 4242 4242 4242 4241');
    expect(scrubText('card 4242 4242 4242 4242').text).toBe('card [card:****4242]');
  });

  it('does not take a Luhn-valid number without a card issuer prefix for a card', () => {
    // 1000000000000008 passes Luhn but no issuer uses a leading 1.
    expect(scrubText('order 1000000000000008').text).toBe('order 1000000000000008');
  });

  it('checks the IBAN checksum', () => {
    expect(scrubText('DE89370400440532013000').text).toBe('[iban:DE**...3000]');
    expect(scrubText('DE88370400440532013000').text).toBe('DE88370400440532013000');
  });

  it('only takes dotted base64 for a JWT when its header names an algorithm', () => {
    const header = Buffer.from('{"typ":"note"}').toString('base64url');
    const notJwt = `${header}.eyJhIjoxfQ.abc`;
    expect(scrubText(notJwt).text).toBe(notJwt);
  });

  it('keeps order ids, dates, prices, tracking numbers, versions, UUIDs and IPs', () => {
    const text =
      'Order A1001 and #113542617735902 on 2024-03-15 14:30 cost €1,299.00; tracking 1Z999AA10123456784 ' +
      'and JJD0002249876543210; invoice INV-2024-00123; 10115 Berlin; v2.14.0; ' +
      '550e8400-e29b-41d4-a716-446655440000; 192.168.1.10';
    expect(scrubText(text)).toEqual({ text, findings: [] });
  });

  it('does not read phone numbers into bare order numbers', () => {
    const text = 'order 113542617735902, purchase 00004587345 and 732201349959';
    expect(scrubText(text).text).toBe(text);
    expect(scrubText('phone 4915112345678').text).toBe('phone [phone:***78]');
  });

  it('keeps sentences about passwords that hold no password', () => {
    for (const text of ['my password is not working', 'I forgot my password', 'the passcode expired', 'Password: reset fails']) {
      expect(scrubText(text).text).toBe(text);
    }
  });

  it('replaces every occurrence of a password found once by its label', () => {
    expect(scrubText('I typed (Qwerty!234) and it failed. Password: Qwerty!234').text).toBe(
      'I typed ([password]) and it failed. Password: [password]',
    );
  });

  it('redacts a private key block, even one cut off before its END line', () => {
    const block = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    expect(scrubText(`key:\n${block}\nthanks`).text).toBe('key:\n[secret:private-key]\nthanks');
    expect(scrubText('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBL').text).toBe('[secret:private-key]');
  });

  it('hides the password in a URL but keeps the rest', () => {
    expect(scrubText('postgres://app:S3cr3t@db:5432/prod').text).toBe('postgres://app:[password]@db:5432/prod');
  });

  it('is idempotent', () => {
    const text = `ada@example.com +44 20 7946 0958 4242424242424242 DE89370400440532013000 ${jwt} password: x1y2z3`;
    const once = scrubText(text).text;
    expect(scrubText(once)).toEqual({ text: once, findings: [] });
  });

  it('scrubs only the kinds asked for', () => {
    expect(scrubText('ada@example.com 4242424242424242', { kinds: ['card'] }).text).toBe('ada@example.com [card:****4242]');
  });
});

describe('secrets split by what a reader does not see', () => {
  it.each([
    ['card in HTML spans', '<p>Card: <span>5105</span> <span>1051</span> <span>0510</span> <span>5100</span></p>', ['1051', '0510']],
    ['card with zero-width spaces', 'Card 4111\u200b1111\u200b1111\u200b1111.', ['4111\u200b1111']],
    ['key wrapped after its prefix and again', 'My Stripe key is sk_live_\n51Mz8Q2eZvKYlo2C\n0aBcDeFgHiJkLmNo', ['51Mz8Q2eZvKYlo2C', '0aBcDeFgHiJkLmNo']],
    ['AWS secret key after its access key id', 'feed keys: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', ['wJalrXUtnFEMI']],
    ['passphrase in quotes after the noun', 'Current password "correct horse battery staple 42"', ['correct horse']],
    ['a list of backup codes', 'my backup codes are 8f3k-29dm, 1qz8-77pl and 5tt2-k9m1.', ['8f3k-29dm', '1qz8-77pl', '5tt2-k9m1']],
  ])('%s', (_name, text, raw) => {
    const scrubbed = scrubText(text).text;
    for (const part of raw) expect(scrubbed).not.toContain(part);
  });

  it.each([
    '<p>Hello</p><p>Where is order A1001?</p>',
    '<td>Qty</td><td>4111</td>',
    'Tracking JD014600006281234567\nThanks, Ada',
    'My backup codes are missing, what now?',
    'The password "reset" link does not work',
    '{"user": "ada", "note": "password reset"}',
  ])('leaves %j alone', (text) => {
    expect(scrubText(text).text).toBe(text);
  });
});

describe('scrubValue', () => {
  it('scrubs strings deep inside objects and arrays without touching the input', () => {
    const input = { ticket: { body: 'mail ada@example.com', tags: ['card 4242424242424242'] }, count: 3 };
    const output = scrubValue(input);
    expect(output).toEqual({ ticket: { body: 'mail [email:***@example.com]', tags: ['card [card:****4242]'] }, count: 3 });
    expect(input.ticket.body).toBe('mail ada@example.com');
  });

  it('replaces the whole value of credential-like keys', () => {
    const output = scrubValue({
      password: 'hunter2',
      userPassword: 12345,
      apiKey: 'abc',
      api_key: { nested: 'x' },
      Authorization: 'Basic abc',
      'x-auth-token': 'opaque',
      client_secret: 'shh',
      setCookie: ['a=b'],
      secret: 'hidden',
    });
    expect(output).toEqual({
      password: '[password]',
      userPassword: '[password]',
      apiKey: '[secret:redacted]',
      api_key: '[secret:redacted]',
      Authorization: '[secret:redacted]',
      'x-auth-token': '[secret:redacted]',
      client_secret: '[secret:redacted]',
      setCookie: '[secret:redacted]',
      secret: '[secret:redacted]',
    });
  });

  it('keeps token counts, booleans and look-alike keys', () => {
    const value = {
      usage: { inputTokens: 120, outputTokens: 30 },
      maxOutputTokens: 512,
      tokenCount: 7,
      passwordReset: true,
      secretary: 'Jane',
      keyboard: 'de',
      author: 'Ada',
    };
    expect(scrubValue(value)).toEqual(value);
  });

  it('honours extra sensitive keys', () => {
    expect(scrubValue({ customerRef: 'C-1', other: 'x' }, { sensitiveKeys: ['customer_ref'] })).toEqual({
      customerRef: '[secret:redacted]',
      other: 'x',
    });
  });

  it('walks maps, sets and errors, and keeps cycles as cycles', () => {
    const error = new Error('failed for ada@example.com');
    const cyclic: Record<string, unknown> = { name: 'ada@example.com' };
    cyclic.self = cyclic;
    const output = scrubValue({
      map: new Map([['note', 'call +44 20 7946 0958']]),
      set: new Set(['4242424242424242']),
      error,
      cyclic,
    });
    expect(output.map.get('note')).toBe('call [phone:***58]');
    expect([...output.set]).toEqual(['[card:****4242]']);
    expect((output.error as unknown as Record<string, unknown>).message).toBe('failed for [email:***@example.com]');
    expect(String((output.error as unknown as Record<string, unknown>).stack)).not.toContain('ada@example.com');
    expect(output.cyclic.name).toBe('[email:***@example.com]');
    expect(output.cyclic.self).toBe(output.cyclic);
  });

  it('stops at the depth limit', () => {
    const deep = { a: { b: { c: 'ada@example.com' } } };
    expect(scrubValue(deep, { maxDepth: 2 })).toEqual({ a: { b: '[truncated]' } });
  });

  it('scrubs keys that are themselves PII', () => {
    expect(scrubValue({ 'ada@example.com': 1 })).toEqual({ '[email:***@example.com]': 1 });
  });

  it('returns class instances it does not know as they are', () => {
    const date = new Date(0);
    expect(scrubValue({ date }).date).toBe(date);
  });
});

describe('createScrubber', () => {
  it('binds its options for repeated use', () => {
    const scrubber = createScrubber({ kinds: ['email'], sensitiveKeys: ['pin_hint'] });
    expect(scrubber.text('ada@example.com 4242424242424242')).toBe('[email:***@example.com] 4242424242424242');
    expect(scrubber.value({ pinHint: 'dog', note: 'ada@example.com' })).toEqual({
      pinHint: '[secret:redacted]',
      note: '[email:***@example.com]',
    });
  });
});

describe('detectPii', () => {
  it('reports one finding per span, the more specific kind winning', () => {
    const findings = detectPii('Authorization: Bearer sk-proj-4fT9kLm2QxV8bN1cR7wZ3yP5sD0gH6jK');
    expect(findings.map((finding) => finding.kind)).toEqual(['api_key']);
  });
});
