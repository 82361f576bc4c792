/**
 * The helpdesk connectors the settings configure. A helpdesk is configured once its reply side
 * is (base URL and credentials); its webhook secret only matters to the HTTP service.
 */
import type { Config } from '../config.js';
import { type Connectors, type ConnectorsSettings, createConnectors } from '../connectors/create-connectors.js';

export function connectorSettingsFromConfig(config: Config): ConnectorsSettings {
  return {
    zendesk:
      config.ZENDESK_BASE_URL && config.ZENDESK_EMAIL && config.ZENDESK_API_TOKEN
        ? {
            baseUrl: config.ZENDESK_BASE_URL,
            email: config.ZENDESK_EMAIL,
            apiToken: config.ZENDESK_API_TOKEN,
            webhookSecret: config.ZENDESK_WEBHOOK_SECRET ?? '',
          }
        : undefined,
    intercom:
      config.INTERCOM_ACCESS_TOKEN && config.INTERCOM_ADMIN_ID
        ? {
            ...(config.INTERCOM_BASE_URL ? { baseUrl: config.INTERCOM_BASE_URL } : {}),
            accessToken: config.INTERCOM_ACCESS_TOKEN,
            clientSecret: config.INTERCOM_CLIENT_SECRET ?? '',
            adminId: config.INTERCOM_ADMIN_ID,
          }
        : undefined,
    hubspot: config.HUBSPOT_ACCESS_TOKEN
      ? {
          ...(config.HUBSPOT_BASE_URL ? { baseUrl: config.HUBSPOT_BASE_URL } : {}),
          accessToken: config.HUBSPOT_ACCESS_TOKEN,
          clientSecret: config.HUBSPOT_CLIENT_SECRET ?? '',
          ...(config.HUBSPOT_PUBLIC_URL ? { publicUrl: config.HUBSPOT_PUBLIC_URL } : {}),
          ...(config.HUBSPOT_SENDER_ACTOR_ID ? { senderActorId: config.HUBSPOT_SENDER_ACTOR_ID } : {}),
        }
      : undefined,
    generic: config.GENERIC_REPLY_URL
      ? { webhookSecret: config.GENERIC_WEBHOOK_SECRET ?? '', replyUrl: config.GENERIC_REPLY_URL }
      : undefined,
  };
}

export function connectorsFromConfig(config: Config): Connectors {
  return createConnectors(connectorSettingsFromConfig(config));
}
