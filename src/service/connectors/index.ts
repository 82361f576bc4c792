export type {
  HeaderBag,
  HelpdeskConnector,
  HelpdeskProvider,
  NormalisedWebhook,
  NormaliseOptions,
  EnrichmentResult,
  PendingEnrichment,
  PostNoteInput,
  PostReplyInput,
  PostResult,
  WebhookRequest,
  WebhookVerification,
  WebhookVerificationFailureCode,
} from './helpdesk-connector.js';
export { ticketIdFor } from './helpdesk-connector.js';
export { ConnectorError, ConnectorPayloadError, ConnectorRequestError, type PayloadIssue } from './errors.js';
export type { FetchFunction } from './connector-http.js';
export { createConnectors, type Connectors, type ConnectorsSettings } from './create-connectors.js';
export { createGenericConnector, type GenericConnectorSettings } from './generic/generic-connector.js';
export { createHubSpotConnector, type HubSpotConnectorSettings } from './hubspot/hubspot-connector.js';
export { createIntercomConnector, type IntercomConnectorSettings } from './intercom/intercom-connector.js';
export { createZendeskConnector, type ZendeskConnectorSettings } from './zendesk/zendesk-connector.js';
