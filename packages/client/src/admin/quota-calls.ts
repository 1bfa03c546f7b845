/**
 * The admin client's client quota calls, as Kafka's Admin.describeClientQuotas and
 * alterClientQuotas. An entity names its user, client-id or ip (null: that type's default entity,
 * kafka-configs' `--entity-default`); the quota keys are Kafka's (producer_byte_rate,
 * consumer_byte_rate, request_percentage, controller_mutation_rate, connection_creation_rate).
 */
import { Apis } from '@sluice/protocol';
import { brokerError } from '../errors.ts';
import type { CallOptions } from './admin-types.ts';
import type { AdminCallContext } from './group-calls.ts';

export type ClientQuotaEntityType = 'user' | 'client-id' | 'ip';

/** Each type present with its name; null is the type's default entity. */
export type ClientQuotaEntity = Partial<Record<ClientQuotaEntityType, string | null>>;

/**
 * One part of a filter, as Java's ClientQuotaFilterComponent: `match` a name (ofEntity), null for
 * the default entity (ofDefaultEntity), or left out for any entity of the type (ofEntityType).
 */
export interface ClientQuotaFilterComponent {
  entityType: ClientQuotaEntityType;
  match?: string | null;
}

/** Java's ClientQuotaFilter: `strict` is containsOnly (no other entity types), otherwise contains. */
export interface ClientQuotaFilter {
  components: readonly ClientQuotaFilterComponent[];
  strict?: boolean;
}

export interface ClientQuotaEntry {
  entity: ClientQuotaEntity;
  quotas: Record<string, number>;
}

/** Sets (a number) or removes (null) quotas of one entity. */
export interface ClientQuotaAlteration {
  entity: ClientQuotaEntity;
  ops: readonly { key: string; value: number | null }[];
}

const MATCH_EXACT = 0;
const MATCH_DEFAULT = 1;
const MATCH_SPECIFIED = 2;

export class QuotaCalls {
  private readonly admin: AdminCallContext;

  constructor(admin: AdminCallContext) {
    this.admin = admin;
  }

  /** The quotas of the entities the filter matches (every entity by default). */
  describeClientQuotas(filter: ClientQuotaFilter = { components: [] }, options: CallOptions = {}): Promise<ClientQuotaEntry[]> {
    const components = filter.components.map((c) => ({
      entityType: c.entityType,
      matchType: c.match === undefined ? MATCH_SPECIFIED : c.match === null ? MATCH_DEFAULT : MATCH_EXACT,
      match: c.match ?? null,
    }));
    return this.admin.retry('describing client quotas', options, async () => {
      const conn = await this.admin.cluster.anyConnection(options.signal);
      const res = await conn.request(Apis.DescribeClientQuotas, { components, strict: filter.strict ?? false }, { version: conn.requireVersion(Apis.DescribeClientQuotas), signal: options.signal });
      if (res.errorCode !== 0) throw brokerError(res.errorCode, 'DescribeClientQuotas', { message: res.errorMessage });
      return (res.entries ?? []).map((e) => ({
        entity: Object.fromEntries(e.entity.map((c) => [c.entityType, c.entityName])) as ClientQuotaEntity,
        quotas: Object.fromEntries(e.values.map((v) => [v.key, v.value])),
      }));
    });
  }

  /** Applies the alterations; rejects with the first entity's refusal (the others still apply, as Kafka's). */
  async alterClientQuotas(alterations: readonly ClientQuotaAlteration[], options: CallOptions & { validateOnly?: boolean } = {}): Promise<void> {
    const entries = alterations.map((a) => ({
      entity: Object.entries(a.entity).map(([entityType, entityName]) => ({ entityType, entityName: entityName ?? null })),
      ops: a.ops.map((op) => ({ key: op.key, value: op.value ?? 0, remove: op.value === null })),
    }));
    await this.admin.retry('altering client quotas', options, async () => {
      const conn = await this.admin.cluster.anyConnection(options.signal);
      const res = await conn.request(Apis.AlterClientQuotas, { entries, validateOnly: options.validateOnly ?? false }, { version: conn.requireVersion(Apis.AlterClientQuotas), signal: options.signal });
      const failed = res.entries.find((e) => e.errorCode !== 0);
      if (failed !== undefined) {
        const entity = failed.entity.map((c) => `${c.entityType}=${c.entityName ?? '<default>'}`).join(', ');
        throw brokerError(failed.errorCode, `altering the client quotas of ${entity}`, { message: failed.errorMessage });
      }
    });
  }
}
