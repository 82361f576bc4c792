/**
 * Writes data/training/intents-generated.jsonl: templated examples (frames x intent phrases x
 * slots, with typos, casing and greetings), seeded so the file is reproducible. The hand-written
 * examples live in data/training/intents.jsonl; this file only widens the phrasing around them.
 *
 *   npx tsx scripts/generate-training-data.ts [--per-intent 130] [--seed 7]
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
      'cancel order {order}', 'cancel my order', 'cancel purchase {order}', 'cancel the purchase I made',
      'cancel my last order', 'call off order {order}', 'cancel an order', 'cancel the order I placed yesterday',
      'cancel my {product} order', 'withdraw my order {order}', 'cancel the order {order} I made last week',
      'cancel an item I bought', 'cancel my recent purchase', 'cancel the purchase of the {product}',
    ],
    topics: ['cancelling order {order}', 'order cancellation', 'the cancellation of purchase {order}', 'canceling a purchase'],
    sentences: [
      "I don't want order {order} anymore, cancel it", 'I changed my mind about order {order}, please cancel it',
      'I ordered by mistake, please cancel', 'cancel {order}', 'order {order} needs to be cancelled',
      'I no longer need the {product}, cancel the order', 'is it too late to cancel order {order}?',
      'I placed an order by accident and want to cancel it', 'please cancel everything I ordered today',
      'can my order {order} still be canceled?', 'I found it cheaper elsewhere so cancel my purchase',
    ],
  },
  change_order: {
    actions: [
      'change order {order}', 'modify my order', 'edit purchase {order}', 'update my order', 'add an item to order {order}',
      'remove an item from my order', 'change the size in my order', 'swap the {product} in my order for another one',
      'change the quantity in my order', 'add {product} to my purchase', 'replace an item in order {order}',
      'make changes to my order', 'correct my order', 'change the colour of the {product} I ordered', 'amend order {order}',
      'modify purchase {order}', 'take the {product} out of my order', 'update the items of purchase {order}',
    ],
    topics: ['changing my order', 'order modification', 'changes to purchase {order}', 'editing an order', 'an order change'],
    sentences: [
      'I ordered the wrong size, can I change it?', 'I need 3 instead of 2 in order {order}',
      'I forgot to add something to my order', 'can I still make changes to order {order} before it ships?',
      'please update the items in my order {order}', 'I picked the wrong colour for the {product}, please fix my order',
      'I want the {product} in large instead of medium in order {order}',
    ],
  },
  change_shipping_address: {
    actions: [
      'change my shipping address', 'update the delivery address', 'modify the shipping address on order {order}',
      'edit my shipping address', 'correct the delivery address', 'fix a mistake in my shipping address',
      'change the address my order is shipped to', 'update my address to {street}', 'change the address for delivery',
      'change the shipping address of order {order}', 'update my delivery address', 'modify my shipping address',
    ],
    topics: ['changing the shipping address', 'a wrong shipping address', 'an address change', 'the shipping address change', 'updating my delivery address'],
    sentences: [
      'I moved to {city}, please update my shipping address', 'I entered the wrong address for order {order}',
      'my delivery address is wrong', 'the shipping address on my account is outdated', 'ship order {order} to {street} instead',
      'typo in my shipping address, it should be {street}', 'my shipping address changed, where do I update it?',
      'please send my package to my new address {street}',
    ],
  },
  set_up_shipping_address: {
    actions: [
      'set up a shipping address', 'add a new shipping address', 'set up a new delivery address', 'add another delivery address',
      'create a shipping address', 'register a second shipping address', 'save a shipping address in my account',
      'enter a shipping address', 'submit a new shipping address', 'add a secondary address for deliveries',
      'set up my delivery address', 'set up another shipping address', 'add a shipping address to my account',
    ],
    topics: ['setting up a shipping address', 'adding a new delivery address', 'a new shipping address', 'the shipping address setup', 'a second delivery address'],
    sentences: [
      'I have no shipping address saved yet', 'where do I add my address for deliveries?',
      "my account doesn't have a delivery address, how do I add one", "I can't set up the shipping address, the form won't save",
      'I want a second shipping address for my office in {city}', 'the new shipping address I tried to set up is not saved',
      'how to set up an address to ship to?',
    ],
  },
  check_cancellation_fee: {
    actions: [
      'check the cancellation fee', 'see the cancellation charges', 'find out the early termination fee',
      'know how much it costs to cancel', 'check the early exit fee', 'check termination penalties',
      'see what the withdrawal fee is', 'check if there is a cancellation penalty', 'find the cancellation fees',
    ],
    topics: [
      'the cancellation fee', 'cancellation fees', 'the early termination charge', 'cancellation penalties',
      'the fee for canceling my subscription', 'the cost of cancelling', 'the early exit penalty', 'cancellation charges',
    ],
    sentences: [
      'is there a fee if I cancel?', 'how much do you charge for cancellation?', 'will I be charged for cancelling my contract?',
      'do I pay a penalty for terminating early?', 'what does it cost to cancel my plan early?', 'is cancelling free?',
      'what is the fee to end my contract early?', 'how much is the cancellation penalty?',
    ],
  },
  check_invoice: {
    actions: [
      'check my invoice', 'see invoice {invoice}', 'view my bill', 'look at my invoices', 'find my bill from {month}',
      'check the invoice for order {order}', 'locate invoice {invoice}', 'review my billing statement', 'see my past invoices',
      'check the bill of {name}', 'look up invoice {invoice}', 'check my bills', 'take a look at invoice {invoice}',
    ],
    topics: ['my invoices', 'invoice {invoice}', 'my bill', 'the invoice for purchase {order}', 'my billing history', 'the bill from {month}'],
    sentences: [
      'where can I see my invoices?', 'show me invoice {invoice}', "I'd like to take a look at my bills",
      'what does invoice {invoice} include?', "there's a charge on invoice {invoice} I want to check",
      'where are my invoices from {month}?', 'can you check the amount on bill {invoice}?',
    ],
  },
  get_invoice: {
    actions: [
      'get my invoice', 'download invoice {invoice}', 'get a copy of my bill', 'receive the invoice for order {order}',
      'obtain an invoice', 'request an invoice', 'get invoice {invoice} sent to me', 'print my invoice', 'get a PDF of my bill',
      'download my bill from {month}', 'get the invoice of purchase {order}',
    ],
    topics: ['a copy of my invoice', 'a PDF invoice', 'the invoice download', 'an invoice for my company'],
    sentences: [
      'send me the invoice for order {order}', 'please email me invoice {invoice}', 'I never received an invoice for my purchase',
      'I need an invoice for my expense report', 'can you send a receipt for order {order}?',
      "I need the bill for my company's accounting", 'email the invoice to {email} please',
    ],
  },
  check_payment_methods: {
    actions: [
      'check the payment methods', 'see which payment options you accept', 'pay with {payment}', 'pay by {payment}',
      'know the accepted payment methods', 'find out how I can pay', 'see the payment options', 'use {payment} to pay',
    ],
    topics: ['payment methods', 'payment options', 'the accepted ways to pay', 'available payment modalities', 'paying with {payment}'],
    sentences: [
      'do you accept {payment}?', 'which payment methods are available?', 'can I pay by {payment}?',
      'what forms of payment do you take?', 'is {payment} supported?', 'how can I pay for my order?',
      'what payment methods can I use?', 'do you take {payment} or only cards?',
    ],
  },
  payment_issue: {
    actions: [
      'report a payment issue', 'report a problem with my payment', 'fix a payment error', 'solve a payment problem',
      'sort out a failed payment', 'notify you of a payment issue', 'report an error with my payment',
    ],
    topics: ['a payment issue', 'a problem with my payment', 'payment errors', 'a failed payment', 'a declined card', 'a payment that did not go through', 'payment problems'],
    sentences: [
      'my payment was declined', 'my card was charged but the order failed', 'I was charged twice for order {order}',
      "the payment won't go through", 'I get an error when I try to pay with {payment}', 'payment keeps failing at checkout',
      'my {payment} payment is stuck as pending', 'I cannot make a payment', 'your site rejected my card',
    ],
  },
  check_refund_policy: {
    actions: [
      'check your refund policy', 'read the refund policy', 'know the refund conditions', 'understand your money back guarantee',
      'see the refund rules', 'check in which cases I can get a refund', 'review the refund terms',
    ],
    topics: ['your refund policy', 'the refund policy', 'the money back guarantee', 'refund conditions', 'your reimbursement policy', 'the terms for refunds'],
    sentences: [
      'what is your refund policy?', 'do you offer refunds?', 'in what cases can I ask for a refund?',
      'how many days do I have to request a refund?', 'is there a money back guarantee?',
      "can I get a refund if I don't like the product?", 'are digital products refundable?', 'what are the rules for refunds?',
    ],
  },
  get_refund: {
    actions: [
      'get a refund', 'request a refund for order {order}', 'get my money back', 'receive a reimbursement',
      'ask for a refund of {amount}', 'claim a refund', 'get reimbursed', 'get compensation for order {order}',
      'obtain a refund', 'get a refund for the {product}', 'request reimbursement of {amount}',
    ],
    topics: ['a refund', 'getting my money back', 'a reimbursement of {amount}', 'a refund for the {product}'],
    sentences: [
      'I want my money back', 'refund me {amount} now', 'the {product} arrived broken, I want a refund',
      'please refund order {order}', 'I demand a refund', 'I returned the {product}, now I want a refund',
      'give me back the {amount} I paid',
    ],
  },
  track_refund: {
    actions: [
      'track my refund', 'check the status of my refund', "know when I'll get my refund", 'follow up on my refund',
      'see if my reimbursement was processed', 'check my refund progress', 'check on the refund for order {order}',
    ],
    topics: ['the status of my refund', 'my refund status', 'the progress of my reimbursement', 'refund tracking'],
    sentences: [
      'where is my refund?', "I still haven't received my refund of {amount}", 'has my refund been processed?',
      'when will my refund arrive?', "it's been two weeks and no refund yet", 'any update on my refund for order {order}?',
      "my refund hasn't shown up on my card", 'you said you refunded me but the money is not there',
    ],
  },
  track_order: {
    actions: [
      'track my order', 'track order {order}', 'check the status of order {order}', 'find out where my package is',
      'locate my order', 'see where my purchase is', 'follow my shipment', 'check my order status', 'track purchase {order}',
    ],
    topics: ['the status of my order', 'order {order}', 'my package', 'the tracking number', 'my shipment', 'tracking for order {order}'],
    sentences: [
      'where is my order {order}?', 'where is my package?', "my order {order} hasn't arrived", 'has my order shipped yet?',
      "what's the status of order {order}?", 'is my order on its way?', "tracking says nothing, where's my parcel?",
      'can you give me the tracking number for order {order}?',
    ],
  },
  delivery_period: {
    actions: [
      'know when my order will arrive', 'check the delivery time', 'find out how long shipping takes',
      'know the estimated delivery date', 'check the ETA of order {order}', "know how soon I'll get my purchase",
    ],
    topics: ['the delivery time', 'the estimated delivery date', 'shipping time', 'the ETA', 'delivery times to {country}', 'how long delivery takes'],
    sentences: [
      'how long does delivery take?', 'when will order {order} arrive?', 'when can I expect my package?',
      'how many days until my item is delivered?', 'how long does shipping to {country} take?',
      'will it arrive before Friday?', 'what is the delivery period?', 'how long will it take to receive my {product}?',
    ],
  },
  delivery_options: {
    actions: [
      'check the delivery options', 'see the shipping methods', 'choose express shipping', 'know which shipping options are available',
      'pick a delivery method', 'find out if you ship to {country}', 'select a different delivery option',
    ],
    topics: [
      'delivery options', 'shipping methods', 'shipping options', 'express delivery', 'standard shipping',
      'international shipping', 'store pickup', 'next-day delivery', 'shipping carriers',
    ],
    sentences: [
      'do you ship to {country}?', 'what shipping methods do you offer?', 'can I pick up my order in store?',
      'do you have express delivery?', 'which carriers do you use?', 'is overnight shipping available?',
      'can I choose a delivery slot?', 'what are the ways you can deliver my order?',
    ],
  },
  place_order: {
    actions: [
      'place an order', 'buy {product}', 'make a purchase', 'order {product}', 'purchase some items', 'make an order',
      'buy something from your store', 'order a few items', 'complete my purchase', 'order more of the {product}', 'purchase {product}',
    ],
    topics: ['placing an order', 'making a purchase', 'a new order', 'buying {product}'],
    sentences: [
      "I'd like to order two {product}", 'how do I buy the {product}?', 'I want to purchase the {product}',
      'can I order by phone?', 'I want to make an order for my company', 'add the {product} to my cart and check out for me',
    ],
  },
  complaint: {
    actions: [
      'file a complaint', 'make a complaint', 'lodge a complaint', 'complain about your service', 'submit a complaint',
      'report a bad experience', 'file a claim against your company', 'raise a complaint about the delivery',
      'complain about an employee', 'make a formal complaint',
    ],
    topics: ['a complaint', 'a formal complaint', 'a claim against your company', 'my dissatisfaction with the service'],
    sentences: [
      'your service is terrible', "I'm very unhappy with how I was treated", 'this is unacceptable, I want to complain',
      'the agent was rude to me', 'worst customer experience ever', "I'm disappointed with the quality of your service",
      'I have been waiting for weeks and nobody helps, this is ridiculous', 'I am fed up with your company',
    ],
  },
  review: {
    actions: [
      'leave a review', 'write a review', 'submit feedback', 'give my opinion about the {product}', 'rate your service',
      'leave feedback about order {order}', 'post a review for the {product}', 'share my experience', 'send you some feedback',
      'rate a product', 'leave a comment about your service',
    ],
    topics: ['a review', 'feedback', 'my opinion on your products', 'product reviews', 'a rating'],
    sentences: [
      'I loved the {product}, where can I say so?', 'I want to tell you what I think about your service',
      "I'd like to give five stars to your support", 'how do I rate my purchase?', 'where do reviews go?',
      'your team did a great job and I want to write about it',
    ],
  },
  contact_customer_service: {
    actions: [
      'contact customer service', 'reach customer support', 'call customer service', 'get in touch with customer support',
      'email customer care', 'speak with customer service', 'contact your support team', 'find the customer service phone number',
    ],
    topics: ['customer service hours', 'the customer service phone number', 'customer support contact details', 'the support email', 'customer care', 'your customer assistance'],
    sentences: [
      'what are your customer service hours?', 'how do I contact you?', "what's the phone number for customer support?",
      'is customer service open on weekends?', 'how can I reach your support team?', "what's the email for support?",
    ],
  },
  contact_human_agent: {
    actions: [
      'talk to a human', 'speak to an agent', 'speak with a real person', 'talk to a live agent', 'chat with a representative',
      'get a human on the line', 'speak to an operator', 'talk to someone', 'reach a real agent', 'be transferred to a person',
    ],
    topics: ['a human agent', 'a real person', 'a live representative', 'an operator'],
    sentences: [
      "I don't want a bot, I want a person", 'connect me to an agent', 'human please', 'agent!',
      'stop the bot and get me a human', 'let me speak to someone real', 'is there a real human I can talk to?',
    ],
  },
  create_account: {
    actions: [
      'create an account', 'open an account', 'sign up', 'register', 'make a new account', 'create a {account} account',
      'open a {account} account', 'set up an account', 'register a new user', 'create a profile', 'join as a new customer',
    ],
    topics: ['account creation', 'opening an account', 'a new account', 'signing up', 'a {account} account'],
    sentences: [
      "I'm new here, how do I sign up?", "I don't have an account yet", 'I want to become a member',
      'can my wife {name} get her own account?', 'how can I open a {account} account for {name}?',
    ],
  },
  registration_problems: {
    actions: ['report a registration problem', 'report a signup error', 'fix a problem with my registration', 'solve an issue signing up', 'notify you of a sign-up issue'],
    topics: ['registration problems', 'a sign-up error', 'problems registering', 'issues with the signup form', 'a registration issue'],
    sentences: [
      "I can't register", 'the signup form gives me an error', 'I never got the confirmation email after registering',
      'registration keeps failing', 'it says my email is already in use when I sign up', "I can't complete the sign up",
      'the sign-up page crashes', 'the verification code for registration never arrives', "I'm unable to sign up",
    ],
  },
  delete_account: {
    actions: [
      'delete my account', 'close my account', 'remove my account', 'cancel my {account} account', 'deactivate my profile',
      'terminate my account', 'erase my user account', 'get rid of my account', 'close my {account} account', 'delete the account of {name}',
    ],
    topics: ['account deletion', 'closing my account', 'deleting my profile', 'the account removal'],
    sentences: [
      "I don't want to be a member anymore, delete my account", 'please close my account for good',
      'how do I permanently delete my account?', 'remove me from your platform and close the account',
    ],
  },
  edit_account: {
    actions: [
      'edit my account', 'update my profile', 'change my account details', 'modify my personal information',
      'update my phone number', 'change the email on my account', 'edit my profile details', 'change my username',
      'update my account information', 'correct my name on my account', 'modify my {account} account',
    ],
    topics: ['my account details', 'my profile information', 'account settings', 'editing my account'],
    sentences: [
      'my name is misspelled in my profile', 'I got a new phone number, please update my account',
      'how can I change the email address I registered with?', 'the details on my account are out of date',
    ],
  },
  switch_account: {
    actions: [
      'switch to the {account} account', 'change to another account', 'switch accounts', 'upgrade to the {account} account',
      'downgrade to the {account} plan', 'move from {account} to {account2}', 'change my account type',
      'switch my {account} account to {account2}', 'switch to my other account', 'use another account',
    ],
    topics: ['switching accounts', 'account switching', 'changing my plan to {account}', 'an account upgrade'],
    sentences: [
      'I have two accounts, how do I switch between them?', "I'd like to go from {account} to {account2}",
      'I want the {account} account instead of my current one', 'log me into my other account',
    ],
  },
  recover_password: {
    actions: [
      'recover my password', 'reset my password', 'retrieve my password', 'get a new password', 'restore my password',
      'recover my account access key', 'reset my PIN', 'recover access to my account', 'reset the password of {name}',
    ],
    topics: ['a password reset', 'my lost password', 'the password reset link', 'password recovery'],
    sentences: [
      'I forgot my password', "I can't remember my password", 'the password reset email never arrives',
      "I lost my password and can't log in", 'forgot password', "my password doesn't work anymore and I need a new one",
    ],
  },
  newsletter_subscription: {
    actions: [
      'subscribe to the newsletter', 'sign up for your newsletter', 'unsubscribe from the newsletter',
      'cancel my newsletter subscription', 'stop receiving your newsletter', 'join the mailing list', 'get your newsletter',
      'opt out of marketing emails', 'receive your weekly newsletter', 'change my newsletter preferences',
    ],
    topics: ['the newsletter', 'newsletter subscription', 'your mailing list', 'promotional emails'],
    sentences: [
      'stop sending me newsletters', 'I want to receive your newsletter with offers',
      'I keep getting your newsletter even after unsubscribing', 'how do I get on the mailing list?',
      'too many marketing emails, take me off the list',
    ],
  },
  account_security: {
    actions: [
      'secure my account', 'enable two-factor authentication', 'set up 2FA', 'report a hacked account', 'report a phishing email',
      'lock my account', 'report a suspicious login', 'turn on two-step verification', 'report unauthorized access to my account',
    ],
    topics: ['a suspicious login', 'a phishing email', 'two-factor authentication', '2FA', 'unauthorized activity on my account', 'a hacked account', 'account security'],
    sentences: [
      'I think my account was hacked', 'someone logged into my account from {country}',
      'I got an email asking for my password, is it from you?', "there are orders on my account I didn't make",
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
      'what year did world war two end?', 'how do I fix a leaking tap?', 'what is the temperature on mars?',
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
];

const gerundFrames = [
  'I need help {g}', 'can you help me with {g}?', 'I have a question about {g}', 'assistance {g}',
  'I need some help {g}', 'help with {g}', "I'm having trouble {g}", 'could you assist me {g}?', 'problem {g}',
  'I want help {g}', 'can I get help {g}?',
];

const topicFrames = [
  'I need information about {t}', 'where can I find {t}?', 'can you tell me about {t}?', 'I have a question about {t}',
  '{t}?', '{t}', 'help with {t}', 'info on {t}', 'I want to know about {t}', "I'm looking for {t}", 'details on {t} please',
  'question regarding {t}', 'I need help with {t}', 'what about {t}?', 'could you give me information on {t}?',
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
  const { values } = parseArgs({ options: { 'per-intent': { type: 'string', default: '130' }, seed: { type: 'string', default: '7' } } });
  const perIntent = Number(values['per-intent']);
  const random = seededRandom(Number(values.seed));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const fillSlots = (template: string): string => {
    let accounts = [...slotValues.account!];
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      if (slot === 'order') return orderNumber();
      if (slot === 'invoice') return pick(['INV-', '#', '', 'IN']) + String(Math.floor(random() * 900000) + 10000);
      if (slot === 'amount') return pick(['$', '€', '£']) + String(Math.floor(random() * 300) + 5) + pick(['', '.99', '.50']);
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
  const output = fileURLToPath(new URL('../data/training/intents-generated.jsonl', import.meta.url));
  writeFileSync(output, `${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length} examples to ${output}`);
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
