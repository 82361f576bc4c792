import { createGenericConnector, type GenericConnectorSettings } from './generic/generic-connector.js';
import type { HelpdeskConnector, HelpdeskProvider } from './helpdesk-connector.js';
import { createHubSpotConnector, type HubSpotConnectorSettings } from './hubspot/hubspot-connector.js';
import { createIntercomConnector, type IntercomConnectorSettings } from './intercom/intercom-connector.js';
import { createZendeskConnector, type ZendeskConnectorSettings } from './zendesk/zendesk-connector.js';

/** One entry per helpdesk the deployment uses; an absent entry means "not configured". */
export interface ConnectorsSettings {
  zendesk?: ZendeskConnectorSettings | undefined;
  intercom?: IntercomConnectorSettings | undefined;
  hubspot?: HubSpotConnectorSettings | undefined;
  generic?: GenericConnectorSettings | undefined;
}

export type Connectors = Partial<Record<HelpdeskProvider, HelpdeskConnector>>;

/** The configured connectors by provider; a route for a missing one answers "not configured". */
export function createConnectors(settings: ConnectorsSettings): Connectors {
  const connectors: Connectors = {};
  if (settings.zendesk) connectors.zendesk = createZendeskConnector(settings.zendesk);
  if (settings.intercom) connectors.intercom = createIntercomConnector(settings.intercom);
  if (settings.hubspot) connectors.hubspot = createHubSpotConnector(settings.hubspot);
  if (settings.generic) connectors.generic = createGenericConnector(settings.generic);
  return Object.freeze(connectors);
}
