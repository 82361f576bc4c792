/**
 * Writes test/fixtures/secrets-corpus.jsonl: secrets in many real-world shapes written into ticket
 * prose, and negatives (ids, numbers and sentences the product shows) that must stay readable.
 * Deterministic (seeded), so the file only changes when this script does:
 * `npx tsx scripts/generate-secrets-corpus.ts`. Every token is random text in the provider's
 * documented shape; none is a real credential.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

let seed = 0x5eed10;
/** mulberry32: small, seeded, good enough for test data. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const ALNUM = UPPER + LOWER + DIGITS;
function chars(alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += alphabet.charAt(Math.floor(random() * alphabet.length));
  return text;
}
/** Random tokens with at least two of each class, as real keys have (and a shape check may need). */
function token(length: number, alphabet = ALNUM): string {
  for (;;) {
    const value = chars(alphabet, length);
    if (alphabet !== ALNUM || (/\d.*\d/.test(value) && /[a-z].*[a-z]/.test(value) && /[A-Z].*[A-Z]/.test(value))) return value;
  }
}
function luhnComplete(prefix: string, length: number): string {
  let digits = prefix + chars(DIGITS, length - prefix.length - 1);
  for (let check = 0; check < 10; check += 1) {
    const candidate = digits + check;
    let sum = 0;
    for (let index = 0; index < candidate.length; index += 1) {
      let digit = Number(candidate[candidate.length - 1 - index]);
      if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  return digits;
}
const card = () => luhnComplete(pick(['4', '51', '55', '37', '6011']), 16);
function password(): string {
  return pick(['Tulip', 'Harbor', 'Maple', 'Falcon', 'Quartz', 'Velvet', 'Copper', 'Meadow']) + pick(['#', '!', '$', '_', '.', '%']) + chars(DIGITS, 4) + pick(['', 'x', 'Q']);
}
function iban(): string {
  const bank = 'NWBK' + chars(DIGITS, 14);
  const country = 'GB';
  const numeric = [...(bank + country + '00')].map((character) => (/[A-Z]/.test(character) ? String(character.charCodeAt(0) - 55) : character)).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bank}`;
}
function routing(): string {
  for (;;) {
    const first8 = chars(DIGITS, 8);
    const d = [...first8].map(Number);
    const partial = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]!) + d[2]! + d[5]!;
    for (let check = 0; check < 10; check += 1) if ((partial + 7 * d[7]! + check) % 10 === 0) return first8 + check;
  }
}
const jwtPart = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const fullWidth = (digits: string) => [...digits].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
const grouped = (digits: string, separator: string) => digits.match(/.{1,4}/g)!.join(separator);

interface Positive {
  format: string;
  make(): { text: string; secrets: string[] };
}
const opener = () => pick(['Hi,', 'Hello team,', 'Good morning,', 'Hey,', 'Hi there,']);
const closer = () => pick(['Thanks, Ada', 'Cheers', 'Best, Grace', 'Regards, Linus', 'thx']);

const POSITIVES: Positive[] = [
  { format: 'aws-access-key', make: () => { const key = 'AKIA' + chars(UPPER + DIGITS, 16); return { text: `${opener()} our integration uses access key ${key} for the order export. ${closer()}`, secrets: [key] }; } },
  { format: 'aws-secret-labelled-secret', make: () => { const value = token(40, ALNUM + '/+').replace(/^/, 'a1B'); const key = value.slice(0, 40); return { text: `${opener()} the secret is ${key} if you need to check the bucket.`, secrets: [key] }; } },
  { format: 'aws-key-pair-prose', make: () => { const id = 'AKIA' + chars(UPPER + DIGITS, 16); const key = ('Zq9' + token(37)).slice(0, 40); return { text: `Key id ${id} and the secret ${key} stopped working after your update.`, secrets: [id, key] }; } },
  { format: 'github-classic', make: () => { const key = 'ghp_' + token(36); return { text: `${opener()} I pasted my token ${key} into the connector by mistake.`, secrets: [key] }; } },
  { format: 'github-fine-grained', make: () => { const key = 'github_pat_' + token(22) + '_' + token(59); return { text: `Our CI token: ${key}. Please revoke it on your side too.`, secrets: [key] }; } },
  { format: 'gitlab-pat', make: () => { const key = 'glpat-' + token(20); return { text: `The sync fails with glpat token ${key}, see screenshot.`, secrets: [key] }; } },
  { format: 'npm-token', make: () => { const key = 'npm_' + token(36); return { text: `${opener()} the plugin install asks for ${key} every time. ${closer()}`, secrets: [key] }; } },
  { format: 'sendgrid', make: () => { const key = `SG.${token(22, ALNUM + '_-')}.${token(43, ALNUM + '_-')}`; return { text: `Mails stopped. We use SendGrid key ${key} for the receipts.`, secrets: [key] }; } },
  { format: 'huggingface', make: () => { const key = 'hf_' + token(34); return { text: `For the chatbot we set ${key} as the Hugging Face token.`, secrets: [key] }; } },
  { format: 'slack-bot', make: () => { const key = `xoxb-${chars(DIGITS, 11)}-${chars(DIGITS, 12)}-${token(24)}`; return { text: `Slack alerts are broken, token ${key}`, secrets: [key] }; } },
  { format: 'stripe-live', make: () => { const key = 'sk_live_' + token(24); return { text: `${opener()} payments fail with ${key} configured. ${closer()}`, secrets: [key] }; } },
  { format: 'openai-project', make: () => { const key = 'sk-proj-' + token(48); return { text: `The assistant integration uses ${key}, is that why it fails?`, secrets: [key] }; } },
  { format: 'anthropic', make: () => { const key = 'sk-ant-api03-' + token(80, ALNUM + '_-') + 'AA'; return { text: `Using ${key} for summaries.`, secrets: [key] }; } },
  { format: 'google-api-key', make: () => { const key = 'AIza' + token(35, ALNUM + '_-'); return { text: `Maps on the store page fail, key ${key}.`, secrets: [key] }; } },
  { format: 'jwt', make: () => { const key = `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart({ sub: chars(DIGITS, 6), name: 'Ada' })}.${token(43, ALNUM + '_-')}`; return { text: `Session cookie value was ${key} when it crashed.`, secrets: [key] }; } },
  { format: 'bearer-header', make: () => { const key = token(32); return { text: `curl -H "Authorization: Bearer ${key}" https://api.example.com/orders`, secrets: [key] }; } },
  { format: 'basic-header', make: () => { const key = Buffer.from(`ada:${password()}`).toString('base64'); return { text: `Authorization: Basic ${key}`, secrets: [key] }; } },
  { format: 'database-url', make: () => { const secret = password().replace(/[#%]/g, 'x'); return { text: `Our connector config: postgres://shop:${secret}@db.example.com:5432/orders`, secrets: [secret] }; } },
  { format: 'pem-private-key', make: () => { const body = token(64, ALNUM + '+/'); return { text: `Here is the key:\n-----BEGIN RSA PRIVATE KEY-----\n${body}\n${token(64, ALNUM + '+/')}\n-----END RSA PRIVATE KEY-----\nthanks`, secrets: [body] }; } },
  { format: 'putty-key', make: () => { const body = token(64, ALNUM + '+/'); const mac = chars(HEX, 64); return { text: `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ada@laptop\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAI${token(20)}\nPrivate-Lines: 1\n${body}\nPrivate-MAC: ${mac}\nplease help`, secrets: [body, mac] }; } },
  { format: 'json-key', make: () => { const key = token(28); return { text: `Our config: {"endpoint": "https://shop.example/api", "key": "${key}", "retries": 3}`, secrets: [key] }; } },
  { format: 'json-password', make: () => { const secret = password(); return { text: `{"user": "ada", "password": "${secret}", "order": "A1001"}`, secrets: [secret] }; } },
  { format: 'env-api-key', make: () => { const key = token(32); return { text: `from our .env:\nSHOP_URL=https://shop.example\n${pick(['NORTHWIND_API_KEY', 'PAYMENT_API_KEY', 'MAILER_TOKEN', 'DB_PASSWORD'])}=${key}\nDEBUG=false`, secrets: [key] }; } },
  { format: 'curl-user', make: () => { const secret = password(); return { text: `I ran curl -u ada:${secret} https://api.example.com/v1/orders and got 401`, secrets: [secret] }; } },
  { format: 'prose-my-pw-is', make: () => { const secret = password(); return { text: `${opener()} my pw is ${secret} and it still says invalid. ${closer()}`, secrets: [secret] }; } },
  { format: 'prose-changed-password-to', make: () => { const secret = password(); return { text: `Yesterday I changed my password to ${secret} but the app logs me out.`, secrets: [secret] }; } },
  { format: 'user-slash-pass', make: () => { const secret = password(); return { text: `user / pass: ada.l / ${secret}`, secrets: [secret] }; } },
  { format: 'prose-reused-password', make: () => { const secret = pick(['sunflower', 'bluebird', 'pancakes', 'moonlight']) + chars(DIGITS, 2); return { text: `I can't get in even with the one I use everywhere is ${secret}, weird.`.replace('with the one', 'though the one'), secrets: [secret] }; } },
  { format: 'otp-texted', make: () => { const code = chars(DIGITS, 6); return { text: `The code you texted me is ${code} but the page says expired.`, secrets: [code] }; } },
  { format: 'otp-2fa', make: () => { const code = `${chars(DIGITS, 3)} ${chars(DIGITS, 3)}`; return { text: `2FA: ${code} (it expires soon, please hurry)`, secrets: [code] }; } },
  { format: 'de-password', make: () => { const secret = password(); return { text: `Hallo, mein Passwort ist ${secret} und trotzdem komme ich nicht rein.`, secrets: [secret] }; } },
  { format: 'de-otp', make: () => { const code = chars(DIGITS, 6); return { text: `Der Bestätigungscode lautet ${code}, bitte prüfen.`, secrets: [code] }; } },
  { format: 'fr-password', make: () => { const secret = password(); return { text: `Bonjour, mon mot de passe est ${secret} mais ça ne marche pas.`, secrets: [secret] }; } },
  { format: 'es-password', make: () => { const secret = password(); return { text: `Hola, mi contraseña es ${secret} y no puedo entrar.`, secrets: [secret] }; } },
  { format: 'it-password', make: () => { const secret = password(); return { text: `Ciao, la mia password è ${secret} ma non funziona.`, secrets: [secret] }; } },
  { format: 'nl-password', make: () => { const secret = password(); return { text: `Hoi, mijn wachtwoord is ${secret} maar inloggen lukt niet.`, secrets: [secret] }; } },
  { format: 'pt-password', make: () => { const secret = password(); return { text: `Olá, minha senha é ${secret} e não consigo entrar.`, secrets: [secret] }; } },
  { format: 'pl-password', make: () => { const secret = password(); return { text: `Dzień dobry, moje hasło to ${secret} i nie działa.`, secrets: [secret] }; } },
  { format: 'pin', make: () => { const code = chars('123456789', 4); return { text: `My card PIN is ${code}, can you check if it's blocked?`, secrets: [code] }; } },
  { format: 'card-dots', make: () => { const number = card(); const written = grouped(number, '.'); return { text: `Charged twice on ${written} yesterday.`, secrets: [written] }; } },
  { format: 'card-line-break', make: () => { const number = card(); const text = grouped(number, ' '); return { text: `My card is ${text.slice(0, 9)}\n${text.slice(10)} please refund`, secrets: [text.slice(0, 9), text.slice(10)] }; } },
  { format: 'card-full-width', make: () => { const number = card(); return { text: `カード番号 ${fullWidth(number)} で支払いました。`, secrets: [fullWidth(number)] }; } },
  { format: 'card-slashes-underscores', make: () => { const number = card(); const written = grouped(number, pick(['/', '_', ' - '])); return { text: `card ${written} was declined`, secrets: [written] }; } },
  { format: 'us-ssn', make: () => { const ssn = `${chars('12345', 1)}${chars(DIGITS, 2)}-${chars('123456789', 2)}-${chars('123456789', 4)}`; return { text: `For the tax form my SSN is ${ssn}.`, secrets: [ssn] }; } },
  { format: 'uk-ni-number', make: () => { const ni = `${pick(['AB', 'JK', 'PR', 'SW', 'CE'])} ${chars(DIGITS, 2)} ${chars(DIGITS, 2)} ${chars(DIGITS, 2)} ${pick(['A', 'B', 'C', 'D'])}`; return { text: `My National Insurance number is ${ni} for the invoice.`, secrets: [ni] }; } },
  { format: 'iban', make: () => { const value = iban(); return { text: `Please refund to ${value}, thanks.`, secrets: [value] }; } },
  { format: 'uk-sort-code-account', make: () => { const sort = `${chars(DIGITS, 2)}-${chars(DIGITS, 2)}-${chars(DIGITS, 2)}`; const account = chars(DIGITS, 8); return { text: `Refund to sort code ${sort}, account ${account} please.`, secrets: [sort, account] }; } },
  { format: 'us-routing-account', make: () => { const aba = routing(); const account = chars(DIGITS, 10); return { text: `Wire it back: routing number ${aba}, account number ${account}.`, secrets: [aba, account] }; } },
  { format: 'unlabelled-high-entropy', make: () => { const key = token(32); return { text: `${opener()} support asked me for this, here it is: ${key}`, secrets: [key] }; } },
  { format: 'passphrase-words', make: () => { const phrase = [pick(['correct', 'purple', 'silent']), pick(['horse', 'river', 'lamp']), pick(['battery', 'window', 'garden']), pick(['staple', 'cloud', 'stone'])].join(' '); return { text: `My passphrase is ${phrase}. It worked last week.`, secrets: [phrase] }; } },
  { format: 'url-token-query', make: () => { const key = token(24); return { text: `The link https://shop.example/api/export?token=${key}&format=csv returns 403.`, secrets: [key] }; } },
];

const KB_SENTENCES = readdirSync(new URL('../data/kb/', import.meta.url))
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .flatMap((name) => readFileSync(new URL(`../data/kb/${name}`, import.meta.url), 'utf8').split('\n'))
  .map((line) => line.replace(/^[-#\s]+/, '').trim())
  .filter((line) => line.length > 40 && !line.includes('{{') && !line.includes(':') && !line.startsWith('---'));

const NEGATIVES: { format: string; make(): string }[] = [
  { format: 'order-id', make: () => `${opener()} where is order A${1000 + Math.floor(random() * 9000)}? It was due on ${2024 + Math.floor(random() * 2)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}.` },
  { format: 'long-order-number', make: () => `Order #${chars('123456789', 15)} from last year had the same issue.` },
  { format: 'ups-tracking', make: () => `Tracking 1Z${chars(UPPER + DIGITS, 16)} says delivered but nothing arrived.` },
  { format: 'dhl-tracking', make: () => `DHL tracking JJD${chars(DIGITS, 18)} has not moved for a week.` },
  { format: 'price', make: () => `I was charged €${Math.floor(random() * 2000)},${chars(DIGITS, 2)} instead of €${Math.floor(random() * 200)}.${chars(DIGITS, 2)}.` },
  { format: 'date', make: () => `Delivery was promised for ${1 + Math.floor(random() * 28)}.${1 + Math.floor(random() * 12)}.2025 between 08:00 and 12:00.` },
  { format: 'invoice-number', make: () => `Invoice INV-${2024 + Math.floor(random() * 2)}-${chars(DIGITS, 5)} shows the wrong VAT rate of ${pick(['19', '20', '21'])}%.` },
  { format: 'sku', make: () => `The item NW-${pick(['JKT', 'SHO', 'BAG'])}-${pick(['BLU', 'RED', 'BLK'])}-${chars(DIGITS, 2)} came in the wrong size.` },
  { format: 'password-talk', make: () => pick(['My password is not working since the update.', 'I reset my password yesterday but the link expired.', 'Passwort vergessen, bitte um Hilfe.', "J'ai oublié mon mot de passe.", 'He olvidado mi contraseña.', 'Ho dimenticato la password.', 'Ik ben mijn wachtwoord vergeten.', 'Esqueci minha senha.', 'Zapomniałem hasła.', 'The 2FA code never arrives by SMS.', 'the code you texted me never arrived', 'my password was stolen, please lock the account']) },
  { format: 'kb-text', make: () => pick(KB_SENTENCES) },
  { format: 'customer-account', make: () => `My customer account ${chars('123456789', 5)} shows two addresses.` },
  { format: 'uuid', make: () => `Error id ${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)} appeared on checkout.` },
  { format: 'commit-hash', make: () => `The app shows build ${chars(HEX, 40)} on the about page.` },
  { format: 'app-version', make: () => `Version ${Math.floor(random() * 5)}.${Math.floor(random() * 20)}.${Math.floor(random() * 10)} on Android ${10 + Math.floor(random() * 5)} crashes.` },
  { format: 'quantities', make: () => `I ordered ${2 + Math.floor(random() * 5)} jackets (size ${36 + 2 * Math.floor(random() * 6)}) and got ${1 + Math.floor(random() * 2)}.` },
  { format: 'file-name', make: () => `Attached Northwind-Order-Export-${2024 + Math.floor(random() * 2)}-Q${1 + Math.floor(random() * 4)}.csv for reference.` },
  { format: 'postcode', make: () => `Please ship to postcode ${chars(DIGITS, 5)} instead, same street.` },
  { format: 'time-and-phone-free-numbers', make: () => `Parcel weighed ${1 + Math.floor(random() * 20)}.${chars(DIGITS, 1)} kg and cost ${chars('123456789', 2)} EUR to ship on ${chars('12', 1)}${chars(DIGITS, 1)}:${chars('012345', 1)}${chars(DIGITS, 1)}.` },
  { format: 'return-label', make: () => `Return label RMA-${chars(UPPER, 2)}${chars(DIGITS, 6)} was printed but the courier did not come.` },
  { format: 'camel-case-words', make: () => `The page says ${pick(['PaymentMethodNotSupportedError', 'CheckoutSessionExpiredException', 'InvalidShippingAddressFormat'])} when I pay.` },
];

const lines: string[] = [];
for (const format of POSITIVES) {
  for (let index = 0; index < 7; index += 1) lines.push(JSON.stringify({ format: format.format, ...format.make() }));
}
for (const format of NEGATIVES) {
  const seen = new Set<string>();
  for (let attempt = 0; attempt < 100 && seen.size < 20; attempt += 1) seen.add(format.make());
  for (const text of seen) lines.push(JSON.stringify({ format: `negative:${format.format}`, text, secrets: [] }));
}
writeFileSync(new URL('../test/fixtures/secrets-corpus.jsonl', import.meta.url), `${lines.join('\n')}\n`);
console.log(`${POSITIVES.length} secret formats, ${lines.length} lines`);
