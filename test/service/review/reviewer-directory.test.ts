import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';
import { createReviewerDirectory, parseReviewerTokens } from '../../../src/service/review/reviewer-directory.js';
import { helpdeskLink, replyChannel } from '../../../src/service/review/helpdesk-link.js';

describe('named reviewers', () => {
  it('parses REVIEWER_TOKENS and names the caller of each token', () => {
    const named = parseReviewerTokens(' ada:token-aaaa:with-colon , Bob Smith:token-bbbb ');
    expect(named).toEqual([
      { name: 'ada', token: 'token-aaaa:with-colon' },
      { name: 'Bob Smith', token: 'token-bbbb' },
    ]);
    const directory = createReviewerDirectory('shared-token-1234', named);
    expect(directory.authenticate('Bearer token-aaaa:with-colon')).toEqual({ name: 'ada', shared: false });
    expect(directory.authenticate('bearer token-bbbb')).toEqual({ name: 'Bob Smith', shared: false });
    expect(directory.authenticate('Bearer shared-token-1234')).toEqual({ name: 'reviewer', shared: true });
    expect(directory.authenticate('Bearer token-cccc')).toBeNull();
    expect(directory.authenticate(undefined)).toBeNull();
    expect(createReviewerDirectory(undefined, named).authenticate('Bearer ')).toBeNull();
  });

  it('refuses a malformed, short, repeated or shared entry, naming the setting', () => {
    expect(() => loadConfig({ REVIEWER_TOKENS: 'ada' })).toThrow(/REVIEWER_TOKENS: "ada" is not name:token/);
    expect(() => loadConfig({ REVIEWER_TOKENS: 'ada:short' })).toThrow(/8 characters/);
    expect(() => loadConfig({ REVIEWER_TOKENS: 'ada:token-aaaa,ada:token-bbbb' })).toThrow(/listed twice/);
    expect(() => loadConfig({ REVIEWER_TOKENS: 'ada:token-aaaa,bob:token-aaaa' })).toThrow(/share one token/);
    expect(loadConfig({}).REVIEWER_TOKENS).toEqual([]);
  });
});

describe('helpdesk links and approve wording', () => {
  const settings = { ZENDESK_BASE_URL: 'https://acme.zendesk.com/api/v2', INTERCOM_WORKSPACE_ID: 'abc123', HUBSPOT_PORTAL_ID: '4711' };
  it('links each helpdesk ticket only when its settings and external id are known', () => {
    expect(helpdeskLink(settings, { source: 'zendesk', externalId: '81' })?.url).toBe('https://acme.zendesk.com/agent/tickets/81');
    expect(helpdeskLink(settings, { source: 'intercom', externalId: '2150' })?.url).toBe('https://app.intercom.com/a/inbox/abc123/inbox/conversation/2150');
    expect(helpdeskLink(settings, { source: 'hubspot', externalId: '99' })?.url).toBe('https://app.hubspot.com/contacts/4711/record/0-5/99');
    expect(helpdeskLink(settings, { source: 'zendesk' })).toBeNull();
    expect(helpdeskLink({ ZENDESK_BASE_URL: undefined, INTERCOM_WORKSPACE_ID: undefined, HUBSPOT_PORTAL_ID: undefined }, { source: 'zendesk', externalId: '81' })).toBeNull();
    expect(helpdeskLink(settings, { source: 'generic', externalId: 'G-1' })).toBeNull();
  });
  it('says what approving does for each source', () => {
    expect(replyChannel('zendesk').approveLabel).toBe('Send to the customer');
    expect(replyChannel('hubspot')).toMatchObject({ delivery: 'note', approveLabel: 'Add as note' });
    expect(replyChannel('cli').delivery).toBe('none');
  });
});
