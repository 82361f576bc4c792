import json, sys, collections
INTENTS = set('account_security cancel_order change_order change_shipping_address check_cancellation_fee check_invoice check_payment_methods check_refund_policy complaint contact_customer_service contact_human_agent create_account data_protection delete_account delivery_options delivery_period edit_account get_invoice get_refund newsletter_subscription other payment_issue place_order recover_password registration_problems review set_up_shipping_address switch_account track_order track_refund'.split())
TAGS = {'R':'retention','C':'complaint','H':'human-requested','L':'legal-review','S':'security','F':'refund','T':'third-party-data'}
out, counts, seen = [], collections.Counter(), set()
for path in sys.argv[2:]:
    lang = intent = None
    for n, line in enumerate(open(path, encoding='utf8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        if line.startswith('@'): lang = line[1:].strip(); continue
        if line.startswith('#'):
            intent = line[1:].strip(); assert intent in INTENTS, (path, n, intent); continue
        tags, sep, text = line.partition('|')
        assert sep, (path, n, line)
        text = text.strip(); assert text, (path, n)
        assert text.lower() not in seen, ('duplicate', path, n, text)
        seen.add(text.lower())
        tags = sorted({TAGS[c] for c in tags.strip()})
        out.append({'text': text, 'intent': intent, 'tags': tags, 'lang': lang})
        counts[(lang, intent)] += 1
with open(sys.argv[1], 'w', encoding='utf8') as f:
    for row in out: f.write(json.dumps(row, ensure_ascii=False) + '\n')
langs = sorted({l for l, _ in counts})
for l in langs:
    c = [counts[(l, i)] for i in sorted(INTENTS)]
    print(l, 'lines', sum(c), 'min per intent', min(c), 'missing', [i for i in sorted(INTENTS) if counts[(l, i)] == 0])
print('total', len(out))
