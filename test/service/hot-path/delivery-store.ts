/**
 * A migrated store per test and the webhook-delivery write both commit tests batch: each write
 * records one delivery id, so what committed is read back as the stored ids.
 */
import type { Transaction } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import type { Database, StoreHandle } from '../../../src/service/store/database.js';
import { recordWebhookDelivery } from '../../../src/service/store/repositories/ticket-repository.js';
import { createTestStoreLocation, type TestStoreLocation } from '../../service/queue/support/test-stores.js';

export interface DeliveryStore {
  readonly store: StoreHandle;
  /** An accept's write: true the first time a delivery id is seen. */
  record(deliveryId: string): (transaction: Transaction<Database>) => Promise<boolean>;
  storedDeliveries(): Promise<string[]>;
}

export function useDeliveryStore(dialect: 'sqlite' | 'postgres'): DeliveryStore {
  let location: TestStoreLocation;
  let store: StoreHandle;
  beforeEach(async () => {
    location = createTestStoreLocation(dialect);
    store = await location.openMigrated();
  });
  afterEach(async () => {
    await store.close();
    await location.destroy();
  });
  return {
    get store() {
      return store;
    },
    record: (deliveryId) => (transaction) => recordWebhookDelivery(transaction, { provider: 'generic', deliveryId, ticketId: `generic:${deliveryId}` }),
    async storedDeliveries() {
      const rows = await store.db.selectFrom('webhook_deliveries').select('delivery_id').orderBy('delivery_id').execute();
      return rows.map((row) => row.delivery_id);
    },
  };
}
