/**
 * Writes data/training/intents-generated.jsonl: templated examples (frames x intent phrases x
 * slots, with typos, casing and greetings), seeded so the file is reproducible. The hand-written
 * examples live in data/training/intents.jsonl; this file only widens the phrasing around them.
 *
 *   npx tsx scripts/generate-training-data.ts [--per-intent 250] [--seed 7] [--output FILE]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/triage/local-model/intent-softmax-regression.js';

interface IntentPlan {
  /** Infinitive verb phrases, dropped into frames such as "how can I ...?". */
  actions: string[];
  /** Noun phrases, dropped into frames such as "I need information about ...". */
  topics: string[];
  /** Whole sentences with slots. */
  sentences: string[];
}

const plans: Record<string, IntentPlan> = {
  cancel_order: {
    actions: [
      'cancel {ow} {order}', 'cancel my {ow}', 'cancel the {ow} I made', 'cancel my last {ow}', 'call off {ow} {order}',
      'cancel an {ow}', 'cancel the {ow} I placed yesterday', 'cancel my {product} order', 'withdraw my {ow} {order}',
      'cancel the {ow} {order} I made last week', 'cancel some {items} I bought', 'cancel my recent {ow}',
      'cancel the purchase of the {product}', 'cancel the {items} I ordered', 'annul {ow} {order}', 'revoke my {ow}',
    ],
    topics: ['cancelling {ow} {order}', 'order cancellation', 'the cancellation of {ow} {order}', 'canceling a {ow}', 'cancelling my {ow}'],
    sentences: [
      "I don't want {ow} {order} anymore, cancel it", 'I changed my mind about {ow} {order}, please cancel it',
      'I ordered by mistake, please cancel', 'cancel {order}', '{ow} {order} needs to be cancelled',
      'I no longer need the {product}, cancel the order', 'is it too late to cancel {ow} {order}?',
      'I placed an order by accident and want to cancel it', 'please cancel everything I ordered today',
      'can my {ow} {order} still be canceled?', 'I found it cheaper elsewhere so cancel my {ow}',
    ],
  },
  change_order: {
    actions: [
      'change {ow} {order}', 'modify my {ow}', 'edit {ow} {order}', 'update my {ow}', 'add an item to {ow} {order}',
      'remove some {items} from my {ow}', 'change the size in my order', 'swap the {product} in my {ow} for another one',
      'change the quantity in my {ow}', 'add {product} to my {ow}', 'replace some {items} in {ow} {order}',
      'make changes to my {ow}', 'correct my {ow}', 'change the colour of the {product} I ordered', 'amend {ow} {order}',
      'take the {product} out of my {ow}', 'update the {items} of {ow} {order}', 'exchange some {items} of my {ow}',
      'add more {items} to my {ow}', 'change some {items} in {ow} {order}', 'modify the {items} in my {ow}',
      'change an {ow}', 'modify a {ow}', 'edit an order I made', 'add some {items} to an order', 'change a {ow} I made',
      'make some changes to a {ow}', 'update an existing order', 'modify an order I placed', 'change the {ow} I made yesterday',
    ],
    topics: ['changing my {ow}', 'order modification', 'changes to {ow} {order}', 'editing an {ow}', 'an order change', 'modifying {ow} {order}'],
    sentences: [
      'I ordered the wrong size, can I change it?', 'I need 3 instead of 2 in {ow} {order}',
      'I forgot to add something to my {ow}', 'can I still make changes to {ow} {order} before it ships?',
      'please update the {items} in my {ow} {order}', 'I picked the wrong colour for the {product}, please fix my order',
      'I want the {product} in large instead of medium in {ow} {order}',
    ],
  },
  change_shipping_address: {
    actions: [
      'change my {addr}', 'update the {addr}', 'modify the {addr} on {ow} {order}', 'edit my {addr}', 'correct the {addr}',
      'fix a mistake in my {addr}', 'change the address my order is shipped to', 'update my address to {street}',
      'change the address for delivery', 'change the {addr} of {ow} {order}', 'modify my {addr}', 'change my {addr} to {street}',
      'update the {addr} in my {acct}', 'change the {addr} I entered',
    ],
    topics: ['changing the {addr}', 'a wrong {addr}', 'an address change', 'the {addr} change', 'updating my {addr}', 'modifying my {addr}'],
    sentences: [
      'I moved to {city}, please update my {addr}', 'I entered the wrong address for {ow} {order}',
      'my {addr} is wrong', 'the {addr} on my account is outdated', 'ship {ow} {order} to {street} instead',
      'typo in my {addr}, it should be {street}', 'my {addr} changed, where do I update it?',
      'please send my package to my new address {street}',
    ],
  },
  set_up_shipping_address: {
    actions: [
      'set up a {addr}', 'add a new {addr}', 'set up a new {addr}', 'add another {addr}', 'create a {addr}',
      'register a second {addr}', 'save a {addr} in my {acct}', 'enter a {addr}', 'submit a new {addr}',
      'add a secondary address for deliveries', 'set up my {addr}', 'set up another {addr}', 'add a {addr} to my {acct}',
      'set a different {addr}', 'set up a different {addr}', 'set another {addr}', 'set up an extra {addr}',
    ],
    topics: ['setting up a {addr}', 'adding a new {addr}', 'a new {addr}', 'the {addr} setup', 'a second {addr}', 'setting a different {addr}'],
    sentences: [
      'I have no {addr} saved yet', 'where do I add my address for deliveries?',
      "my account doesn't have a {addr}, how do I add one", "I can't set up the {addr}, the form won't save",
      'I want a second {addr} for my office in {city}', 'the new {addr} I tried to set up is not saved',
      'how to set up an address to ship to?',
    ],
  },
  check_cancellation_fee: {
    actions: [
      'check the cancellation {fee}', 'see the cancellation charges', 'find out the early termination {fee}',
      'know how much it costs to cancel', 'check the early exit {fee}', 'check termination penalties',
      'see what the withdrawal {fee} is', 'check if there is a cancellation {fee}', 'find the cancellation fees',
      'see if I have to pay a {fee} to cancel',
    ],
    topics: [
      'the cancellation {fee}', 'cancellation fees', 'the early termination {fee}', 'cancellation penalties',
      'the {fee} for canceling my subscription', 'the cost of cancelling', 'the early exit {fee}', 'cancellation charges',
      'the termination {fee}', 'the {fee} to cancel my contract',
    ],
    sentences: [
      'is there a {fee} if I cancel?', 'how much do you charge for cancellation?', 'will I be charged for cancelling my contract?',
      'do I pay a penalty for terminating early?', 'what does it cost to cancel my plan early?', 'is cancelling free?',
      'what is the {fee} to end my contract early?', 'how much is the cancellation {fee}?',
    ],
  },
  check_invoice: {
    actions: [
      'check my {bill}', 'see {bill} {invoice}', 'view my {bill}', 'look at my {bill}s', 'find my {bill} from {month}',
      'check the {bill} for {ow} {order}', 'locate {bill} {invoice}', 'review my billing statement', 'see my past {bill}s',
      'check the {bill} of {name}', 'look up {bill} {invoice}', 'check my {bill}s', 'take a look at {bill} {invoice}',
      'consult my {bill}s', 'find {bill} {invoice}', 'see the {bill}s from {month}', 'check {bill} {invoice}',
      'see my {bill}', 'check the {bill} I received', 'have a look at my {bill}', 'check what my {bill} says',
      'view the {bill}', 'see the {bill} of {ow} {order}', 'check the details of my {bill}',
    ],
    topics: ['my {bill}s', '{bill} {invoice}', 'my {bill}', 'the {bill} for {ow} {order}', 'my billing history', 'the {bill} from {month}'],
    sentences: [
      'where can I see my {bill}s?', 'show me {bill} {invoice}', "I'd like to take a look at my {bill}s",
      'what does {bill} {invoice} include?', "there's a charge on {bill} {invoice} I want to check",
      'where are my {bill}s from {month}?', 'can you check the amount on {bill} {invoice}?',
    ],
  },
  get_invoice: {
    actions: [
      'get my {bill}', 'download {bill} {invoice}', 'get a copy of my {bill}', 'receive the {bill} for {ow} {order}',
      'obtain an {bill}', 'request an {bill}', 'get {bill} {invoice} sent to me', 'print my {bill}', 'get a PDF of my {bill}',
      'download my {bill} from {month}', 'get the {bill} of {ow} {order}', 'get {bill} {invoice}', 'receive my {bill}s by email',
      'get the {bill}s from {month}', 'get the {bill} of {name}', 'obtain {bill} {invoice}', 'get hold of my {bill}',
      'have my {bill} sent to me', 'get a copy of {bill} {invoice}',
      'get my {bill}s', 'download my {bill}s from {month}', 'get {bill} {invoice} from {month}', 'obtain the {bill}s of my {ow}s',
      'receive {bill} {invoice}', 'get the {bill} {invoice} for {name}', 'download {bill} {invoice} for {ow} {order}',
    ],
    topics: ['a copy of my {bill}', 'a PDF {bill}', 'the {bill} download', 'an {bill} for my company', 'getting my {bill}'],
    sentences: [
      'send me the {bill} for {ow} {order}', 'please email me {bill} {invoice}', 'I never received an {bill} for my purchase',
      'I need an {bill} for my expense report', 'can you send a receipt for {ow} {order}?',
      "I need the {bill} for my company's accounting", 'email the {bill} to {email} please',
      'where can I get {bill} {invoice}?', 'I need my {bill}s from {month}', 'I need {bill} {invoice}', "I'd like my {bill} please",
      'how can I obtain my {bill}?', 'can I have the {bill} for {ow} {order}?',
    ],
  },
  check_payment_methods: {
    actions: [
      'check the payment methods', 'see which payment options you accept', 'pay with {payment}', 'pay by {payment}',
      'know the accepted payment methods', 'find out how I can pay', 'see the payment options', 'use {payment} to pay',
      'check what payment modalities are available', 'see the ways to pay',
    ],
    topics: ['payment methods', 'payment options', 'the accepted ways to pay', 'available payment modalities', 'paying with {payment}', 'payment modes'],
    sentences: [
      'do you accept {payment}?', 'which payment methods are available?', 'can I pay by {payment}?',
      'what forms of payment do you take?', 'is {payment} supported?', 'how can I pay for my {ow}?',
      'what payment methods can I use?', 'do you take {payment} or only cards?',
    ],
  },
  payment_issue: {
    actions: [
      'report a payment issue', 'report a problem with my payment', 'fix a payment error', 'solve a payment problem',
      'sort out a failed payment', 'notify you of a payment issue', 'report an error with my payment', 'inform of a payment problem',
    ],
    topics: ['a payment issue', 'a problem with my payment', 'payment errors', 'a failed payment', 'a declined card', 'a payment that did not go through', 'payment problems', 'issues with payments'],
    sentences: [
      'my payment was declined', 'my card was charged but the order failed', 'I was charged twice for {ow} {order}',
      "the payment won't go through", 'I get an error when I try to pay with {payment}', 'payment keeps failing at checkout',
      'my {payment} payment is stuck as pending', 'I cannot make a payment', 'your site rejected my card',
    ],
  },
  check_refund_policy: {
    actions: [
      'check your {refund} policy', 'read the {refund} policy', 'know the {refund} conditions', 'understand your money back guarantee',
      'see the {refund} rules', 'check in which cases I can get a {refund}', 'review the {refund} terms', 'see your {refund} policy',
      'know in what situations I can ask for a {refund}',
    ],
    topics: ['your {refund} policy', 'the {refund} policy', 'the money back guarantee', '{refund} conditions', 'the terms for refunds', 'the cases in which I can get a {refund}'],
    sentences: [
      'what is your {refund} policy?', 'do you offer refunds?', 'in what cases can I ask for a {refund}?',
      'how many days do I have to request a {refund}?', 'is there a money back guarantee?',
      "can I get a {refund} if I don't like the product?", 'are digital products refundable?', 'what are the rules for refunds?',
      'what is the time frame to ask for a {refund}?', 'how long is the {refund} period?', 'within how many days can I get a {refund}?',
      'what is the deadline to request a {refund}?',
    ],
  },
  get_refund: {
    actions: [
      'get a {refund}', 'request a {refund} for {ow} {order}', 'get my money back', 'receive a {refund}',
      'ask for a {refund} of {amount}', 'claim a {refund}', 'get reimbursed', 'get {refund} for {ow} {order}',
      'obtain a {refund}', 'get a {refund} for the {product}', 'request a {refund} of {amount}', 'get back the money I paid',
      'get my {refund}', 'request my {refund}', 'claim my {refund}', 'receive my {refund} for {ow} {order}', 'get my money back for the {product}',
      'ask for my {refund}', 'get the {refund} for my {ow}', 'have my {amount} refunded',
    ],
    topics: ['a {refund}', 'getting my money back', 'a {refund} of {amount}', 'a {refund} for the {product}', 'requesting a {refund}'],
    sentences: [
      'I want my money back', 'refund me {amount} now', 'the {product} arrived broken, I want a {refund}',
      'please refund {ow} {order}', 'I demand a {refund}', 'I returned the {product}, now I want a {refund}',
      'give me back the {amount} I paid',
      'I want my {refund} for {ow} {order}', 'I need my {refund} of {amount}', 'I deserve my {refund}, please issue it',
    ],
  },
  track_refund: {
    actions: [
      'track my {refund}', 'check the status of my {refund}', "know when I'll get my {refund}", 'follow up on my {refund}',
      'see if my {refund} was processed', 'check my {refund} progress', 'check on the {refund} for {ow} {order}',
      'check if there is any news about my {refund}', 'see the current status of my {refund}', 'find out what happened to my {refund}',
      'know if my {refund} is on its way',
      'check the status of my {refund} of {amount}', 'track the {amount} {refund}', 'find out when I will get my {refund}',
      'know when I am going to receive my {refund}', 'see if you have sent my {refund}', 'check if my {refund} of {amount} was issued',
      'know whether my {refund} has been approved', 'verify if my {refund} is being processed', 'track the {refund} of {ow} {order}',
      'check the state of my {refund}', 'see how my {refund} is going',
      'track a {refund}', 'check the status of a {refund}', 'check on a {refund} I requested', 'track the {refund} I asked for',
      'see the status of the {refund} you promised me',
      'track my {refund} of {amount}', 'check the status of the {refund} for {ow} {order}', 'know when the {amount} will be refunded',
      'check if the {amount} {refund} was sent', 'see if the {refund} for {amount} is on its way', 'follow the {refund} of {amount} for {ow} {order}',
      'know the status of my {amount} {refund}', 'check on my {refund} for {amount}',
      'see my {refund}', 'see the {refund} of {amount}', 'get information about my {refund}', 'get news about the {refund} of {amount}',
      'find out about my {refund} of {amount}', 'see whether I have been refunded', 'check the {refund} I am expecting',
    ],
    topics: ['the status of my {refund}', 'my {refund} status', 'the {refund} of {amount} I am waiting for', 'the {refund} you owe me', 'the progress of my {refund}', '{refund} tracking', 'updates on my {refund}', 'news about my {refund}'],
    sentences: [
      'where is my {refund}?', "I still haven't received my {refund} of {amount}", 'has my {refund} been processed?',
      'when will my {refund} arrive?', "it's been two weeks and no {refund} yet", 'any update on my {refund} for {ow} {order}?',
      "my {refund} hasn't shown up on my card", 'you said you refunded me but the money is not there', 'is my {refund} processed yet?',
      'when will I get my {refund}?', 'when am I going to receive my {refund} of {amount}?', "I haven't gotten my {refund} yet",
      'did you send my {refund}?', 'will I get my {refund} soon?', "I'm still waiting for the {refund} of {amount}",
      'I was told I would get a {refund}, when?', 'has the {refund} of {amount} been sent?', 'I need an update on my {refund}',
      'what is going on with my {refund}?', 'how is my {refund} going?', 'is there any news on my {refund} of {amount}?',
      "I'm waiting for a {refund}, has it been sent?", 'I requested a {refund} last week, where is it?',
      'I asked for a {refund} and heard nothing since', 'a {refund} was approved for me but I have not received it',
      "I'm expecting a {refund} of {amount}, where is it?", 'I am awaiting my {refund} of {amount}', 'I need info on my {refund} of {amount}',
      "I'm expecting my {refund}, has it been processed?", 'still awaiting the {refund} of {amount} for {ow} {order}',
    ],
  },
  track_order: {
    actions: [
      'track my {ow}', 'track {ow} {order}', 'check the status of {ow} {order}', 'find out where my package is',
      'locate my {ow}', 'see where my {ow} is', 'follow my shipment', 'check my {ow} status', 'check the ETA of {ow} {order}',
      'see the current status of my {ow}', 'know where {ow} {order} is',
    ],
    topics: ['the status of my {ow}', '{ow} {order}', 'my package', 'the tracking number', 'my shipment', 'tracking for {ow} {order}', 'the status of {ow} {order}'],
    sentences: [
      'where is my {ow} {order}?', 'where is my package?', "my {ow} {order} hasn't arrived", 'has my {ow} shipped yet?',
      "what's the status of {ow} {order}?", 'is my {ow} on its way?', "tracking says nothing, where's my parcel?",
      'can you give me the tracking number for {ow} {order}?',
    ],
  },
  delivery_period: {
    actions: [
      'know when my {ow} will arrive', 'check the {ship} time', 'find out how long {ship} takes',
      'know the estimated delivery date', "know how soon I'll get my {ow}", 'check when my {items} will be delivered',
      'know how long it takes for my {ow} to arrive', 'find out when I will receive my {product}',
    ],
    topics: ['the {ship} time', 'the estimated delivery date', '{ship} times', 'the ETA', '{ship} times to {country}', 'how long {ship} takes', 'the delivery period'],
    sentences: [
      'how long does {ship} take?', 'when will my {ow} arrive?', 'when can I expect my package?',
      'how many days until my item is delivered?', 'how long does shipping to {country} take?',
      'will it arrive before Friday?', 'what is the delivery period?', 'how long will it take to receive my {product}?',
      'how soon will my {items} get here?',
    ],
  },
  delivery_options: {
    actions: [
      'check the {ship} options', 'see the {ship} methods', 'choose express shipping', 'know which {ship} options are available',
      'pick a {ship} method', 'find out if you ship to {country}', 'select a different {ship} option', 'see the {ship} modes',
      'know the ways you can ship my {items}',
      'see the {ship} options for my {ow}', 'check which {ship} methods I can choose for my {ow}', 'know how you can deliver my {items}',
      'see the {ship} options available when I buy {items}', 'check the different {ship} options',
      'know how I can receive the {items} I buy', 'see what {ship} options I have if I order {product}',
      'check the {ship} options before I buy', 'know the {ship} options to order some {items}',
      'see the {ship} options for the {items} I want to purchase',
      'choose a {ship} option for an order', 'pick the {ship} method when I make an order', 'see which {ship} options there are for a purchase',
      'select how a new order is shipped', 'know my {ship} options when making a purchase',
    ],
    topics: [
      '{ship} options', '{ship} methods', 'express delivery', 'standard shipping', 'international shipping', 'store pickup',
      'next-day delivery', 'shipping carriers', 'the {ship} options you offer', 'the types of {ship}',
    ],
    sentences: [
      'do you ship to {country}?', 'what {ship} methods do you offer?', 'can I pick up my order in store?',
      'do you have express delivery?', 'which carriers do you use?', 'is overnight shipping available?',
      'can I choose a delivery slot?', 'what are the ways you can deliver my order?', 'what {ship} options do I have?',
      'what {ship} options can I choose when I place an order?', 'how can I get my {items} shipped?', 'which {ship} methods are available for my {ow}?',
      'I want to buy some {items}, what {ship} options are there?', 'if I order {product} today, how can you ship it?',
      'before I purchase, which {ship} methods do you have?', 'I want to make an order, what are the {ship} options?',
    ],
  },
  place_order: {
    actions: [
      'place an order', 'buy {product}', 'make a purchase', 'order {product}', 'purchase some {items}', 'make an order',
      'buy something from your store', 'order a few {items}', 'complete my purchase', 'order more of the {product}',
      'purchase {product}', 'buy some {items}', 'order some of your {items}', 'buy several {items}', 'place an order for some {items}',
      'purchase a product', 'buy a product from your catalogue', 'get some of your {items}', 'purchase an item', 'buy an article',
      'order a product', 'make an order of several {items}',
      'place my order', 'complete my order online', 'make my first purchase', 'finish my order', 'submit my order',
    ],
    topics: ['placing an order', 'making a purchase', 'a new order', 'buying {product}', 'buying some {items}', 'ordering {items}'],
    sentences: [
      "I'd like to order two {product}", 'how do I buy the {product}?', 'I want to purchase the {product}',
      'can I order by phone?', 'I want to make an order for my company', 'add the {product} to my cart and check out for me',
    ],
  },
  complaint: {
    actions: [
      'file a complaint', 'make a complaint', 'lodge a complaint', 'complain about your service', 'submit a complaint',
      'report a bad experience', 'file a claim against your company', 'raise a complaint about the delivery',
      'complain about an employee', 'make a formal complaint', 'file a complaint against your {cs}', 'complain about your {cs}',
      'make a consumer complaint', 'express my dissatisfaction',
    ],
    topics: ['a complaint', 'a formal complaint', 'a claim against your company', 'my dissatisfaction with the service', 'a complaint about your {cs}'],
    sentences: [
      'your service is terrible', "I'm very unhappy with how I was treated", 'this is unacceptable, I want to complain',
      'the agent was rude to me', 'worst customer experience ever', "I'm disappointed with the quality of your service",
      'I have been waiting for weeks and nobody helps, this is ridiculous', 'I am fed up with your company',
      "I'm not happy with your {cs}", 'your {cs} is a joke',
    ],
  },
  review: {
    actions: [
      'leave a review', 'write a review', 'submit feedback', 'give my opinion about the {product}', 'rate your service',
      'leave feedback about {ow} {order}', 'post a review for the {product}', 'share my experience', 'send you some feedback',
      'rate a product', 'leave a comment about your service', 'give feedback about your {cs}', 'write a comment about a product',
    ],
    topics: ['a review', 'feedback', 'my opinion on your services', 'product reviews', 'a rating', 'some comments about your service'],
    sentences: [
      'I loved the {product}, where can I say so?', 'I want to tell you what I think about your service',
      "I'd like to give five stars to your support", 'how do I rate my purchase?', 'where do reviews go?',
      'your team did a great job and I want to write about it',
    ],
  },
  contact_customer_service: {
    actions: [
      'contact {cs}', 'reach {cs}', 'call {cs}', 'get in touch with {cs}', 'email {cs}', 'speak with {cs}',
      'contact your support team', 'find the {cs} phone number', 'talk to {cs}', 'chat with {cs}', 'send an email to {cs}',
    ],
    topics: ['{cs} hours', 'the {cs} phone number', '{cs} contact details', 'the support email', 'customer care', 'your {cs}', 'the hours of {cs}'],
    sentences: [
      'what are your {cs} hours?', 'how do I contact you?', "what's the phone number for {cs}?",
      'is {cs} open on weekends?', 'how can I reach your support team?', "what's the email for support?",
      'when can I call {cs}?',
    ],
  },
  contact_human_agent: {
    actions: [
      'talk to {agent}', 'speak to {agent}', 'speak with {agent}', 'chat with {agent}', 'get {agent} on the line',
      'be transferred to {agent}', 'reach {agent}', 'talk with {agent}', 'get in touch with {agent}', 'contact {agent}',
    ],
    topics: ['{agent}', 'a human agent', 'a real person', 'a live representative', 'an operator'],
    sentences: [
      "I don't want a bot, I want a person", 'connect me to an agent', 'human please', 'agent!',
      'stop the bot and get me a human', 'let me speak to someone real', 'is there a real human I can talk to?',
    ],
  },
  create_account: {
    actions: [
      'create an {acct}', 'open an {acct}', 'sign up', 'register', 'make a new {acct}', 'create a {account} account',
      'open a {account} account', 'set up an {acct}', 'register a new user', 'create a profile', 'join as a new customer',
      'open a new {account} {acct}', 'register for a {account} account', 'sign up for a {account} account',
    ],
    topics: ['{acct} creation', 'opening an {acct}', 'a new {acct}', 'signing up', 'a {account} account', 'opening a {account} account'],
    sentences: [
      "I'm new here, how do I sign up?", "I don't have an account yet", 'I want to become a member',
      'can my wife {name} get her own account?', 'how can I open a {account} account for {name}?',
    ],
  },
  registration_problems: {
    actions: [
      'report a registration problem', 'report a signup error', 'fix a problem with my registration', 'solve an issue signing up',
      'notify you of a sign-up issue', 'inform of a registration error', 'report problems registering', 'solve my registration problems',
    ],
    topics: ['registration problems', 'a sign-up error', 'problems registering', 'issues with the signup form', 'a registration issue', 'errors when signing up', 'sign-up issues'],
    sentences: [
      "I can't register", 'the signup form gives me an error', 'I never got the confirmation email after registering',
      'registration keeps failing', 'it says my email is already in use when I sign up', "I can't complete the sign up",
      'the sign-up page crashes', 'the verification code for registration never arrives', "I'm unable to sign up",
    ],
  },
  delete_account: {
    actions: [
      'delete my {acct}', 'close my {acct}', 'remove my {acct}', 'cancel my {account} account', 'deactivate my {acct}',
      'terminate my {acct}', 'erase my {acct}', 'get rid of my {acct}', 'close my {account} account', 'delete the {acct} of {name}',
      'cancel my {acct}', 'delete my {account} account', 'remove my {account} {acct}', 'cancel my {account} {acct}',
      'cancel my {acct} for good', 'close down my {acct}', 'delete my {acct} and everything in it', 'cancel the {acct} I opened',
      'close the {account} account', 'delete the {account} account I have', 'cancel the {account} account', 'remove the {acct} I made',
      'terminate the {account} account', 'get rid of the {account} account',
    ],
    topics: ['{acct} deletion', 'closing my {acct}', 'deleting my {acct}', 'the {acct} removal', 'cancelling my {account} account'],
    sentences: [
      "I don't want to be a member anymore, delete my {acct}", 'please close my {acct} for good',
      'how do I permanently delete my {acct}?', 'remove me from your platform and close the account',
    ],
  },
  edit_account: {
    actions: [
      'edit my {acct}', 'update my {acct}', 'change my {acct} details', 'modify my personal information',
      'update my phone number', 'change the email on my {acct}', 'edit my {acct} details', 'change my username',
      'update my {acct} information', 'correct my name on my {acct}', 'modify my {account} account', 'edit my {account} account',
      'update the data of my {account} {acct}', 'change some details of my {acct}', 'modify my {acct}', 'update my {account} account details',
      'change the information on my {account} account', 'change my {acct} data', 'edit the details of my {account} {acct}',
      'make changes to my {account} account', 'update the personal data on my {acct}', 'change my {acct} settings',
    ],
    topics: ['my {acct} details', 'my profile information', '{acct} settings', 'editing my {acct}', 'modifying my {account} account'],
    sentences: [
      'my name is misspelled in my {acct}', 'I got a new phone number, please update my {acct}',
      'how can I change the email address I registered with?', 'the details on my {acct} are out of date',
    ],
  },
  switch_account: {
    actions: [
      'switch to the {account} account', 'change to another {acct}', 'switch {acct}s', 'upgrade to the {account} account',
      'downgrade to the {account} plan', 'move from {account} to {account2}', 'change my account type',
      'switch my {account} account to {account2}', 'switch to my other {acct}', 'use another {acct}', 'switch to a {account} {acct}',
      'change to the {account} account', 'go over to the {account} account', 'switch to a different {acct}',
      'use the {account} account', 'swap to the {account} account', 'change my {acct} to the {account} one', 'move to a {account} account',
      'switch from my {account} {acct} to another one', 'change from {account} to {account2}',
      'switch my {acct}', 'switch my {acct} type', 'change my {account} {acct} to a {account2} one', 'switch my plan',
    ],
    topics: ['switching {acct}s', 'account switching', 'changing my plan to {account}', 'an account upgrade', 'switching to the {account} account'],
    sentences: [
      'I have two accounts, how do I switch between them?', "I'd like to go from {account} to {account2}",
      'I want the {account} account instead of my current one', 'log me into my other account',
    ],
  },
  recover_password: {
    actions: [
      'recover my {pwd}', 'reset my {pwd}', 'retrieve my {pwd}', 'get a new {pwd}', 'restore my {pwd}',
      'recover my {acct} {pwd}', 'reset the {pwd} of my {acct}', 'recover access to my {acct}', 'reset the {pwd} of {name}',
      'retrieve the {pwd} of my {acct}', 'recover the {pwd} I forgot',
    ],
    topics: ['a {pwd} reset', 'my lost {pwd}', 'the {pwd} reset link', '{pwd} recovery', 'my forgotten {pwd}'],
    sentences: [
      'I forgot my {pwd}', "I can't remember my {pwd}", 'the {pwd} reset email never arrives',
      "I lost my {pwd} and can't log in", 'forgot {pwd}', "my {pwd} doesn't work anymore and I need a new one",
      "I've lost my {acct} {pwd}",
    ],
  },
  newsletter_subscription: {
    actions: [
      'subscribe to the newsletter', 'sign up for your newsletter', 'unsubscribe from the newsletter',
      'cancel my newsletter subscription', 'stop receiving your newsletter', 'join the mailing list', 'get your newsletter',
      'opt out of marketing emails', 'receive your weekly newsletter', 'change my newsletter preferences', 'subscribe {email} to the newsletter',
    ],
    topics: ['the newsletter', 'newsletter subscription', 'your mailing list', 'promotional emails', 'the newsletter subscription'],
    sentences: [
      'stop sending me newsletters', 'I want to receive your newsletter with offers',
      'I keep getting your newsletter even after unsubscribing', 'how do I get on the mailing list?',
      'too many marketing emails, take me off the list',
    ],
  },
  account_security: {
    actions: [
      'secure my {acct}', 'enable two-factor authentication', 'set up 2FA', 'report a hacked {acct}', 'report a phishing email',
      'lock my {acct}', 'report a suspicious login', 'turn on two-step verification', 'report unauthorized access to my {acct}',
    ],
    topics: ['a suspicious login', 'a phishing email', 'two-factor authentication', '2FA', 'unauthorized activity on my {acct}', 'a hacked {acct}', 'account security'],
    sentences: [
      'I think my {acct} was hacked', 'someone logged into my {acct} from {country}',
      'I got an email asking for my password, is it from you?', "there are orders on my {acct} I didn't make",
      'someone changed my email and password', "I got a login alert I don't recognise", 'my 2FA codes stopped working',
      'is this link you sent me a scam?',
    ],
  },
  data_protection: {
    actions: [
      'export my personal data', 'delete all my personal data', 'erase my data under GDPR', 'get a copy of the data you hold about me',
      'exercise my right to be forgotten', 'file a data subject access request', 'know how you process my personal data',
      'stop processing my personal data', 'restrict the use of my data', 'withdraw my consent to data processing',
      'correct personal data you hold about me',
    ],
    topics: [
      'GDPR', 'my personal data', 'your privacy policy', 'data processing', 'a data subject access request', 'the right to erasure',
      'data retention', 'how my data is shared with third parties', 'a DSAR', 'CCPA',
    ],
    sentences: [
      'under GDPR article 15 I request all data you hold about me', 'please erase all my personal information',
      'who do you share my data with?', 'how long do you keep my personal data?',
      'I want to know what information you store about me', 'send me my data in a portable format', 'do you sell my data?',
      'who is your data protection officer?',
    ],
  },
  other: {
    actions: [],
    topics: [],
    sentences: [
      "what's the weather like in {city} tomorrow?", 'tell me a joke', 'who won the football game last night?',
      "what's the capital of {country}?", 'how do I bake a chocolate cake?', 'can you recommend a good movie?',
      'what time is it in {city}?', 'what is the meaning of life?', 'how tall is Mount Everest?', 'write me a poem about cats',
      'translate good morning into French', 'is it going to rain in {city}?', 'lorem ipsum dolor sit amet', 'how do I change a tire?',
      'who is the president of {country}?', 'can you help me with my math homework?', 'how do I install python on windows?',
      'which stocks should I buy?', 'recommend a restaurant in {city}', 'how do I train my dog to sit?', 'sing me a song',
      'how many planets are in the solar system?', 'my neighbour plays loud music at night', 'how do I reset my wifi router?',
      'what is the best pizza topping?', 'purple monkey dishwasher', 'how far is the moon?', 'do you believe in aliens?',
      'what year did world war two end?', 'how do I fix a leaking tap?', 'what is the temperature in the desert at night?',
      'who painted the mona lisa?', 'tips for a job interview', 'best hiking trails near {city}',
    ],
  },
};

const actionFrames = [
  'I want to {a}', "I'd like to {a}", 'I need to {a}', 'how do I {a}?', 'how can I {a}?', 'can I {a}?',
  'could you help me {a}?', 'help me {a}', "I don't know how to {a}", 'where can I {a}?', 'is it possible to {a}?',
  'please {a}', '{a}', 'I wanna {a}', 'I have to {a}', 'what do I have to do to {a}?', 'tell me how to {a}',
  "I'm trying to {a}", 'I would like to {a}', 'what is the way to {a}', "I can't find how to {a}", 'need to {a} asap',
  'can u {a}', 'I have got to {a}', 'I try to {a}', 'would it be possible to {a}?', 'I need assistance to {a}',
  'can you tell me how to {a}?', 'what should I do to {a}?', 'my {relation} wants to {a}', 'we need to {a}',
  'show me how to {a}', 'I want help to {a}', 'where do I go to {a}', 'I am unable to {a}, help',
  'can you help me to {a}?', 'I want assistance to {a}', 'how to {a}', 'where to {a}', 'what do I need to do to {a}?',
  "I'd like to know how to {a}", 'I do not know how to {a}', 'help me to {a}', 'I need you to help me {a}',
];

const gerundFrames = [
  'I need help {g}', 'can you help me with {g}?', 'I have a question about {g}', 'assistance {g}',
  'I need some help {g}', 'help with {g}', "I'm having trouble {g}", 'could you assist me {g}?', 'problem {g}',
  'I want help {g}', 'can I get help {g}?', 'I need assistance {g}', 'I would need some help {g}', 'help {g}',
];

const topicFrames = [
  'I need information about {t}', 'where can I find {t}?', 'can you tell me about {t}?', 'I have a question about {t}',
  '{t}?', '{t}', 'help with {t}', 'info on {t}', 'I want to know about {t}', "I'm looking for {t}", 'details on {t} please',
  'question regarding {t}', 'I need help with {t}', 'what about {t}?', 'could you give me information on {t}?',
  "I'd like to see {t}", 'I want to check {t}', 'how do I see {t}?', 'I need to know about {t}',
];

const slotValues: Record<string, string[]> = {
  product: ['sneakers', 'coffee maker', 'laptop bag', 't-shirts', 'headphones', 'blue jacket', 'phone case', 'desk lamp', 'running shoes', 'gift card', 'backpack', 'printer'],
  name: ['Ada', 'Maria Lopez', 'John', 'Priya', 'Chen Wei', 'Olga', 'Tom Baker', 'Fatima', 'Lukas', 'Sam'],
  account: ['free', 'freemium', 'gold', 'platinum', 'premium', 'pro', 'standard', 'business', 'basic'],
  payment: ['PayPal', 'credit card', 'debit card', 'Apple Pay', 'bank transfer', 'Google Pay', 'Klarna', 'Visa', 'Mastercard', 'American Express', 'cash on delivery'],
  city: ['Berlin', 'Madrid', 'Chicago', 'Toronto', 'Lyon', 'Osaka', 'Leeds', 'Austin', 'Milan', 'Porto'],
  country: ['Canada', 'Spain', 'Germany', 'Japan', 'Brazil', 'Australia', 'Ireland', 'Mexico', 'India', 'France'],
  month: ['January', 'March', 'last month', 'April', 'July', 'October', 'December'],
  relation: ['wife', 'husband', 'mother', 'colleague', 'boss', 'friend', 'son', 'daughter'],
  email: ['maria@example.com', 'j.smith@mail.example', 'ops@acme.example'],
  // Synonyms people use for the same thing; the classifier must not hinge on one word.
  ow: ['order', 'purchase', 'order', 'purchase', 'order'],
  refund: ['refund', 'refund', 'reimbursement', 'compensation', 'rebate', 'money back', 'repayment'],
  acct: ['account', 'profile', 'user account', 'account', 'user profile'],
  pwd: ['password', 'PIN', 'access key', 'account password', 'PIN code', 'login password', 'passcode', 'pass word', 'password'],
  bill: ['invoice', 'bill', 'invoice'],
  addr: ['shipping address', 'delivery address', 'postal address', 'address', 'shipping address'],
  cs: ['customer service', 'customer support', 'customer assistance', 'customer care', 'client service', 'the support team', 'the help desk'],
  agent: ['a human agent', 'a live agent', 'a representative', 'an operator', 'a real person', 'someone', 'somebody', 'an assistant', 'a human', 'a person', 'an agent', 'a live person'],
  items: ['items', 'products', 'articles', 'things', 'goods', 'stuff'],
  fee: ['fee', 'charge', 'penalty', 'fine', 'cost'],
  ship: ['shipping', 'delivery', 'shipment'],
};

const greetings = ['hi', 'hello', 'hey', 'good morning', 'hi there', 'dear support,', 'hello team', 'good afternoon'];
const signOffs = ['thanks', 'thank you!', 'thanks in advance', 'cheers, {name}', 'regards, {name}', 'thx', 'best, {name}', 'ty'];

const doubledFinal = new Set(['get', 'set', 'stop', 'swap', 'log', 'opt', 'reset', 'submit', 'chat', 'put', 'ship']);

function gerund(phrase: string): string {
  const [verb = '', ...rest] = phrase.split(' ');
  let form: string;
  if (doubledFinal.has(verb)) form = `${verb}${verb.at(-1)}ing`;
  else if (verb.endsWith('ie')) form = `${verb.slice(0, -2)}ying`;
  else if (verb.endsWith('e') && !verb.endsWith('ee')) form = `${verb.slice(0, -1)}ing`;
  else form = `${verb}ing`;
  return [form, ...rest].join(' ');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'per-intent': { type: 'string', default: '250' },
      seed: { type: 'string', default: '7' },
      output: { type: 'string', default: fileURLToPath(new URL('../data/training/intents-generated.jsonl', import.meta.url)) },
    },
  });
  const perIntent = Number(values['per-intent']);
  const random = seededRandom(Number(values.seed));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const fillSlots = (template: string): string => {
    let accounts = [...slotValues.account!];
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      if (slot === 'order') return orderNumber();
      if (slot === 'invoice') return pick(['INV-', '#', '', 'IN']) + String(Math.floor(random() * 900000) + 10000);
      if (slot === 'amount') {
        const value = String(Math.floor(random() * 300) + 5);
        return random() < 0.5 ? pick(['$', '€', '£']) + value + pick(['', '.99', '.50']) : `${value} ${pick(['dollars', 'euros', 'pounds', 'bucks'])}`;
      }
      if (slot === 'street') return `${Math.floor(random() * 200) + 1} ${pick(['Main St', 'Oak Avenue', 'Rue de Lyon', 'High Street', 'Calle Mayor'])}`;
      if (slot === 'account' || slot === 'account2') {
        // Two account slots in one sentence must name two different plans.
        const chosen = pick(accounts);
        accounts = accounts.filter((value) => value !== chosen);
        return chosen;
      }
      return pick(slotValues[slot] ?? [slot]);
    });
  };
  const orderNumber = (): string => {
    const style = Math.floor(random() * 4);
    const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
    return style === 0 ? `A${digits(4)}` : style === 1 ? `#${digits(6)}` : style === 2 ? digits(8 + Math.floor(random() * 5)) : `ORD-${digits(5)}`;
  };

  const lines: string[] = [];
  for (const [intent, plan] of Object.entries(plans)) {
    const seen = new Set<string>();
    for (let attempt = 0; seen.size < perIntent && attempt < perIntent * 20; attempt++) {
      const roll = random();
      let text: string;
      if (plan.actions.length > 0 && roll < 0.42) text = pick(actionFrames).replace('{a}', pick(plan.actions));
      else if (plan.actions.length > 0 && roll < 0.52) text = pick(gerundFrames).replace('{g}', gerund(pick(plan.actions)));
      else if (plan.topics.length > 0 && roll < 0.72) text = pick(topicFrames).replace('{t}', pick(plan.topics));
      else text = pick(plan.sentences);
      text = decorate(fillSlots(text), random, pick);
      const key = text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(JSON.stringify({ text, intent }));
    }
  }
  writeFileSync(values.output, `${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length} examples to ${values.output}`);
}

/** Real tickets are lowercase, unpunctuated, greeted, signed and mistyped: so are these. */
function decorate(text: string, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  let result = text.charAt(0).toUpperCase() + text.slice(1);
  if (random() < 0.12) result = `${pick(greetings)} ${result.charAt(0).toLowerCase()}${result.slice(1)}`;
  if (random() < 0.1) result = `${result}${/[?.!]$/.test(result) ? '' : '.'} ${pick(signOffs)}`;
  if (random() < 0.06) result = result.replace(/\byou\b/g, 'u').replace(/\bplease\b/g, 'pls');
  if (random() < 0.15) result = addTypo(result, random);
  if (random() < 0.4) result = result.toLowerCase();
  if (random() < 0.3) result = result.replace(/[?.!]+$/, '');
  return result;
}

function addTypo(text: string, random: () => number): string {
  const positions = [...text.matchAll(/[a-z]{4,}/g)];
  if (positions.length === 0) return text;
  const match = positions[Math.floor(random() * positions.length)]!;
  const word = match[0];
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  const mistyped =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : word.slice(0, at) + word[at] + word.slice(at);
  return text.slice(0, match.index) + mistyped + text.slice(match.index + word.length);
}

main();
