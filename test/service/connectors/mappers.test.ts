/** The pure mappers' edge cases, without HTTP. */
import { describe, expect, it } from 'vitest';
import { mapHubSpotTicket } from '../../../src/service/connectors/hubspot/map-hubspot-ticket.js';
import { mapIntercomNotification } from '../../../src/service/connectors/intercom/map-intercom-notification.js';
import { intercomConversationNotificationSchema } from '../../../src/service/connectors/intercom/intercom-api-types.js';
import { mapZendeskEvent, mapZendeskTrigger } from '../../../src/service/connectors/zendesk/map-zendesk-webhook.js';
import { zendeskEventPayloadSchema, zendeskTriggerPayloadSchema } from '../../../src/service/connectors/zendesk/zendesk-api-types.js';
import { plainTextToHtml } from '../../../src/service/connectors/plain-text-to-html.js';
import { fixtureJson } from './fixtures.js';

const NOW = new Date('2026-11-28T10:00:00Z');

describe('zendesk mappers', () => {
  const event = () => fixtureJson<any>('zendesk-event-ticket-created.json');

  it('ignores a private comment event', () => {
    const payload = event();
    payload.type = 'zen:event-type:ticket.comment_added';
    payload.event = { comment: { body: 'internal', is_public: false, author: { id: '1', is_staff: false } } };
    const mapping = mapZendeskEvent(zendeskEventPayloadSchema.parse(payload), 'ada@example.com', NOW);
    expect(mapping).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('private') });
  });

  it('keeps a requester whose user has no email as an unknown sender', () => {
    const mapping = mapZendeskEvent(zendeskEventPayloadSchema.parse(event()), null, NOW);
    expect(mapping.ticket).toMatchObject({ customerEmail: '' });
  });

  it('ignores a trigger payload without text, and drops an empty subject', () => {
    const payload = fixtureJson<any>('zendesk-trigger-ticket-created.json');
    payload.ticket.description = '  ';
    expect(mapZendeskTrigger(zendeskTriggerPayloadSchema.parse(payload), NOW)).toMatchObject({
      ticket: null,
      ignoredReason: expect.stringContaining('no text'),
    });
    payload.ticket.description = 'Help';
    payload.ticket.subject = '';
    const mapping = mapZendeskTrigger(zendeskTriggerPayloadSchema.parse(payload), NOW);
    expect(mapping.ticket).not.toHaveProperty('subject');
  });

  it('accepts a numeric ticket id from an unquoted placeholder', () => {
    const payload = fixtureJson<any>('zendesk-trigger-ticket-created.json');
    payload.ticket.id = 35436;
    expect(mapZendeskTrigger(zendeskTriggerPayloadSchema.parse(payload), NOW).ticket?.id).toBe('zendesk:35436');
  });
});

describe('intercom mapper', () => {
  it('reads the last comment of a reply, past later non-comment parts', () => {
    const payload = fixtureJson<any>('intercom-conversation-user-replied.json');
    payload.data.item.conversation_parts.conversation_parts.push({
      id: '31872651200',
      part_type: 'assignment',
      body: null,
      author: { type: 'bot', id: '9' },
    });
    const mapping = mapIntercomNotification(intercomConversationNotificationSchema.parse(payload), NOW);
    expect(mapping.ticket?.body).toBe('Any news? The second charge is still on my card statement.');
  });

  it('ignores a reply notification without any comment part', () => {
    const payload = fixtureJson<any>('intercom-conversation-user-replied.json');
    payload.data.item.conversation_parts.conversation_parts = [];
    const mapping = mapIntercomNotification(intercomConversationNotificationSchema.parse(payload), NOW);
    expect(mapping).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('without a comment') });
  });

  it('falls back to the conversation author email when a part has none', () => {
    const payload = fixtureJson<any>('intercom-conversation-user-replied.json');
    delete payload.data.item.conversation_parts.conversation_parts[0].author.email;
    const mapping = mapIntercomNotification(intercomConversationNotificationSchema.parse(payload), NOW);
    expect(mapping.ticket?.customerEmail).toBe('ada@example.com');
  });

  it('ignores a message that is only an image', () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    payload.data.item.source.body = '<p><img src="https://x.example/a.png"></p>';
    const mapping = mapIntercomNotification(intercomConversationNotificationSchema.parse(payload), NOW);
    expect(mapping).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('no text') });
  });
});

describe('hubspot mapper', () => {
  const ticket = () => fixtureJson<any>('hubspot-ticket-response.json');

  it('uses the subject as the body when the ticket has no content', () => {
    const response = ticket();
    response.properties.content = null;
    const mapping = mapHubSpotTicket(response, 'grace@bigcorp.example', NOW);
    expect(mapping.ticket).toMatchObject({ subject: 'Data access request', body: 'Data access request' });
  });

  it('ignores a ticket with neither subject nor content', () => {
    const response = ticket();
    response.properties.content = '';
    response.properties.subject = null;
    expect(mapHubSpotTicket(response, 'grace@bigcorp.example', NOW)).toMatchObject({
      ticket: null,
      ignoredReason: expect.stringContaining('no text'),
    });
  });
});

describe('plainTextToHtml', () => {
  it('escapes markup and keeps paragraphs and line breaks', () => {
    expect(plainTextToHtml('a <b> & "c"\r\nd\n\n\ne')).toBe('<p>a &lt;b&gt; &amp; &quot;c&quot;<br>d</p><p>e</p>');
  });
});
