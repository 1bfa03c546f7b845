/**
 * The admin client's config calls: DescribeConfigs, AlterConfigs and IncrementalAlterConfigs,
 * sent to the broker a broker resource names, else to any broker. Admin delegates to this class.
 */
import { Apis } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError } from '../errors.ts';
import type { Connection } from '../network/connection.ts';
import type { AlterConfigOp, CallOptions, ConfigResource, ConfigResourceType, ConfigSource, ResourceConfig } from './admin-types.ts';
import type { AdminCallContext } from './group-calls.ts';

/** Kafka's config resource types, config sources and IncrementalAlterConfigs operations on the wire. */
const RESOURCE_TYPE: Record<ConfigResourceType, number> = { topic: 2, broker: 4, 'broker-logger': 8, 'client-metrics': 16, group: 32 };
const RESOURCE_NAME = new Map(Object.entries(RESOURCE_TYPE).map(([k, v]) => [v, k as ConfigResourceType]));
export const SOURCES: ConfigSource[] = ['unknown', 'dynamic-topic', 'dynamic-broker', 'dynamic-default-broker', 'static-broker', 'default', 'dynamic-broker-logger', 'client-metrics', 'group'];
const OP_CODE = { set: 0, delete: 1, append: 2, subtract: 3 } as const;

export class ConfigCalls {
  private readonly admin: AdminCallContext;

  constructor(admin: AdminCallContext) {
    this.admin = admin;
  }

  private async configConnection(type: ConfigResourceType, name: string, signal?: AbortSignal): Promise<Connection> {
    if ((type === 'broker' || type === 'broker-logger') && name !== '') {
      if (this.admin.cluster.version === 0) await this.admin.cluster.refresh(signal);
      return this.admin.cluster.connection(Number(name), '', signal);
    }
    return this.admin.cluster.anyConnection(signal);
  }

  async describeConfigs(resources: readonly ConfigResource[], options: CallOptions & { includeSynonyms?: boolean; includeDocumentation?: boolean } = {}): Promise<ResourceConfig[]> {
    // Broker resources must be asked of that broker; the rest of any broker.
    return Promise.all(
      resources.map((r) =>
        this.admin.retry(`describing configs of ${r.type} '${r.name}'`, options, async () => {
          const conn = await this.configConnection(r.type, r.name, options.signal);
          const version = conn.requireVersion(Apis.DescribeConfigs);
          const res = await conn.request(
            Apis.DescribeConfigs,
            {
              resources: [{ resourceType: RESOURCE_TYPE[r.type], resourceName: r.name, configurationKeys: r.configNames ? [...r.configNames] : null }],
              includeSynonyms: options.includeSynonyms ?? false,
              includeDocumentation: version >= 3 ? (options.includeDocumentation ?? false) : false,
            },
            { version, signal: options.signal },
          );
          const result = res.results[0];
          if (!result) throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, 'DescribeConfigs answered nothing', { retriable: true });
          if (result.errorCode !== 0) throw brokerError(result.errorCode, `describing configs of ${r.type} '${r.name}'`, { message: result.errorMessage });
          return {
            type: RESOURCE_NAME.get(result.resourceType) ?? r.type,
            name: result.resourceName,
            configs: result.configs.map((c) => ({
              name: c.name,
              value: c.value,
              readOnly: c.readOnly,
              isSensitive: c.isSensitive,
              source: SOURCES[c.configSource] ?? 'unknown',
              isDefault: c.configSource === 5,
              synonyms: c.synonyms.map((s) => ({ name: s.name, value: s.value, source: SOURCES[s.source] ?? 'unknown' })),
              documentation: c.documentation,
            })),
          };
        }),
      ),
    );
  }

  /** Replaces the whole dynamic config of each resource (configs not given revert to defaults). */
  async alterConfigs(resources: readonly { type: ConfigResourceType; name: string; configs: Readonly<Record<string, string | null>> }[], options: CallOptions & { validateOnly?: boolean } = {}): Promise<void> {
    await Promise.all(
      resources.map((r) =>
        this.admin.retry(`altering configs of ${r.type} '${r.name}'`, options, async () => {
          const conn = await this.configConnection(r.type, r.name, options.signal);
          const res = await conn.request(
            Apis.AlterConfigs,
            {
              resources: [{ resourceType: RESOURCE_TYPE[r.type], resourceName: r.name, configs: Object.entries(r.configs).map(([name, value]) => ({ name, value })) }],
              validateOnly: options.validateOnly ?? false,
            },
            { signal: options.signal },
          );
          for (const x of res.responses) if (x.errorCode !== 0) throw brokerError(x.errorCode, `altering configs of ${r.type} '${r.name}'`, { message: x.errorMessage });
        }),
      ),
    );
  }

  /** Changes single configs: set, delete (back to default), append to or subtract from a list. */
  async incrementalAlterConfigs(resources: readonly { type: ConfigResourceType; name: string; ops: readonly AlterConfigOp[] }[], options: CallOptions & { validateOnly?: boolean } = {}): Promise<void> {
    await Promise.all(
      resources.map((r) =>
        this.admin.retry(`altering configs of ${r.type} '${r.name}'`, options, async () => {
          const conn = await this.configConnection(r.type, r.name, options.signal);
          const res = await conn.request(
            Apis.IncrementalAlterConfigs,
            {
              resources: [
                {
                  resourceType: RESOURCE_TYPE[r.type],
                  resourceName: r.name,
                  configs: r.ops.map((o) => ({ name: o.name, configOperation: OP_CODE[o.op], value: 'value' in o ? o.value : null })),
                },
              ],
              validateOnly: options.validateOnly ?? false,
            },
            { signal: options.signal },
          );
          for (const x of res.responses) if (x.errorCode !== 0) throw brokerError(x.errorCode, `altering configs of ${r.type} '${r.name}'`, { message: x.errorMessage });
        }),
      ),
    );
  }
}
