import { describe, expect, it } from 'vitest';
import { createConnectors } from '../../../src/service/connectors/create-connectors.js';
import { ConnectorError } from '../../../src/service/connectors/errors.js';
import * as connectorsModule from '../../../src/service/connectors/index.js';

describe('createConnectors', () => {
  it('returns only the configured connectors, keyed by provider', () => {
    const connectors = createConnectors({
      zendesk: { baseUrl: 'https://acme.zendesk.com', email: 'a@acme.example', apiToken: 't', webhookSecret: 's' },
      generic: { webhookSecret: 's', replyUrl: 'https://replies.example.com/in' },
    });
    expect(Object.keys(connectors).sort()).toEqual(['generic', 'zendesk']);
    expect(connectors.zendesk?.provider).toBe('zendesk');
    expect(connectors.generic?.provider).toBe('generic');
    expect(connectors.intercom).toBeUndefined();
    expect(connectors.hubspot).toBeUndefined();
  });

  it('creates all four when all are configured', () => {
    const connectors = createConnectors({
      zendesk: { baseUrl: 'https://acme.zendesk.com', email: 'a@acme.example', apiToken: 't', webhookSecret: 's' },
      intercom: { accessToken: 't', clientSecret: 's', adminId: '1' },
      hubspot: { accessToken: 't', clientSecret: 's' },
      generic: { webhookSecret: 's', replyUrl: 'https://replies.example.com/in' },
    });
    expect(Object.values(connectors).map((connector) => connector.provider).sort()).toEqual([
      'generic',
      'hubspot',
      'intercom',
      'zendesk',
    ]);
    expect(Object.isFrozen(connectors)).toBe(true);
  });

  it('returns none for empty settings', () => {
    expect(createConnectors({})).toEqual({});
  });
});

describe('connectors index', () => {
  it('exports the factories and the error classes', () => {
    expect(typeof connectorsModule.createZendeskConnector).toBe('function');
    expect(typeof connectorsModule.createIntercomConnector).toBe('function');
    expect(typeof connectorsModule.createHubSpotConnector).toBe('function');
    expect(typeof connectorsModule.createGenericConnector).toBe('function');
    expect(connectorsModule.ticketIdFor('zendesk', '12')).toBe('zendesk:12');
    expect(new connectorsModule.ConnectorPayloadError('generic', [])).toBeInstanceOf(ConnectorError);
  });
});
