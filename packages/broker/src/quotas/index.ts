/**
 * The broker's client quotas: the durable store (DescribeClientQuotas, AlterClientQuotas) and one
 * enforcer per kind, as Kafka's QuotaManagers. Windows come from quota.window.num and
 * quota.window.size.seconds (controller.quota.* for controller_mutation_rate).
 */
import { ClientQuotaManager, ControllerMutationQuotaManager } from './client-quotas.ts';
import { IpConnectionRateQuota } from './connection-rate.ts';
import { HostResolver } from './host-resolver.ts';
import type { RateWindow } from './rate.ts';
import { ClientQuotaStore } from './store.ts';

export { CLIENT_QUOTAS_FILE, ClientQuotaStore } from './store.ts';
export { HostResolver } from './host-resolver.ts';
export { boundedThrottleTimeMs } from './rate.ts';
export { ThrottlingQuotaExceeded, quotaUser, type ControllerMutationQuota } from './client-quotas.ts';

export interface QuotaWindows {
  readonly client: RateWindow;
  readonly controller: RateWindow;
}

export class BrokerQuotas {
  readonly store = new ClientQuotaStore();
  readonly produce: ClientQuotaManager;
  readonly fetch: ClientQuotaManager;
  readonly request: ClientQuotaManager;
  readonly controllerMutation: ControllerMutationQuotaManager;
  readonly connections: IpConnectionRateQuota;

  /** Milliseconds, Date.now unless a test drives it. */
  readonly clock: () => number;
  /** Looks up ip entities' host names, cached as Java caches them. */
  readonly hosts: HostResolver;

  constructor(
    windows: QuotaWindows,
    clock: () => number = Date.now,
    hosts: HostResolver = new HostResolver(),
    warn: (message: string) => void = () => {},
  ) {
    this.clock = clock;
    this.hosts = hosts;
    this.produce = new ClientQuotaManager('producer_byte_rate', this.store, windows.client);
    this.fetch = new ClientQuotaManager('consumer_byte_rate', this.store, windows.client);
    this.request = new ClientQuotaManager('request_percentage', this.store, windows.client, windows.client.windowMs);
    this.controllerMutation = new ControllerMutationQuotaManager(this.store, windows.controller, clock);
    this.connections = new IpConnectionRateQuota(this.store, windows.client, hosts, warn);
    // Applied when made, as Kafka's broker applies a published change, not at the next connection.
    this.store.onChange(() => this.connections.quotasChanged());
  }
}
