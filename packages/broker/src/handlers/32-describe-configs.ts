/**
 * DescribeConfigs (key 32), versions 1-4.
 * v1: config source and synonyms; v3: config type and documentation; v4: flexible.
 * Every config is reported with its effective value, defaults included: Kafka Connect checks its
 * internal topics' cleanup.policy this way, and tools read-modify-write from it. GROUP resources
 * (type 32) list Kafka 4.3.1's group configs (groups/group-configs.ts), for any group name but the
 * empty one (INVALID_REQUEST, as Kafka: there is no default group resource).
 */
import { Apis, ErrorCode, type DescribeConfigsResponseDescribeConfigsResourceResultInput } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { validateTopicName } from '../topics/names.ts';
import { ResourceType, configSourceCode, configTypeCode } from './config-codes.ts';
import { AclOperation } from '../acl/model.ts';
import { configResourceRefusal } from './authorize.ts';
import { messageOf } from './errors.ts';
import { defineHandler } from './handler.ts';

type Entry = DescribeConfigsResponseDescribeConfigsResourceResultInput;

/**
 * Why a BROKER resource name is not this broker's, in Kafka's words, or null: "" (the cluster-wide
 * default) and this node's id are; another id, or a name that is no integer, are refused.
 */
export function brokerResourceRefusal(nodeId: number, name: string, request: 'describe' | 'alter'): string | null {
  if (name === '') return null;
  // Java's Integer.parseInt: an optional sign and digits, within an int.
  const id = /^[+-]?\d+$/.test(name) ? Number(name) : NaN;
  if (!Number.isSafeInteger(id) || id > 2 ** 31 - 1 || id < -(2 ** 31)) return `${request === 'describe' ? 'Broker' : 'Node'} id must be an integer, but it is: ${name}`;
  if (id === nodeId) return null;
  return request === 'describe' ? `Unexpected broker id, expected ${nodeId} or empty string, but received ${name}` : `Unexpected broker id, expected ${nodeId}, but received ${name}`;
}

/** The value's own entry as its synonym, unless it is the default: Kafka lists no synonym for a default. */
function synonymsOf(name: string, value: string | null, source: Parameters<typeof configSourceCode>[0], wanted: boolean) {
  return wanted && source !== 'DEFAULT_CONFIG' ? [{ name, value, source: configSourceCode(source) }] : [];
}

function topicEntries(broker: BrokerCore, name: string, synonyms: boolean, docs: boolean): Entry[] {
  return broker.topics.describeConfigs(name).map((c) => ({
    name: c.name,
    value: c.sensitive ? null : c.value,
    readOnly: c.readOnly,
    configSource: configSourceCode(c.source),
    isSensitive: c.sensitive,
    synonyms: synonymsOf(c.name, c.value, c.source, synonyms),
    configType: configTypeCode(c.type),
    documentation: docs ? c.doc : null,
  }));
}

/** The broker's configs, or with `clusterDefault` (the resource "") only those of the cluster-wide dynamic layer. */
function brokerEntries(broker: BrokerCore, clusterDefault: boolean, synonyms: boolean, docs: boolean): Entry[] {
  return broker.config.describe(clusterDefault).map((c) => {
    // A value decided at start (a bound port, the temporary data folder…) is the one in force,
    // unless an operator has set it since.
    const dynamic = c.source === 'DYNAMIC_BROKER_CONFIG' || c.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG';
    const atStart = clusterDefault || dynamic ? undefined : broker.startupValues.get(c.name);
    const value = atStart ?? c.value;
    const source = atStart === undefined ? c.source : 'STATIC_BROKER_CONFIG';
    const layers = atStart === undefined ? c.synonyms : [{ name: c.name, value: atStart, source }];
    return {
      name: c.name,
      value,
      readOnly: !c.def.dynamic,
      configSource: configSourceCode(source),
      isSensitive: false,
      synonyms: synonyms ? layers.map((s) => ({ name: s.name, value: s.value, source: configSourceCode(s.source) })) : [],
      configType: configTypeCode(c.def.type),
      documentation: docs ? c.def.doc : null,
    };
  });
}

/** A group's configs: its override first among the synonyms, then the broker setting that gives the default. */
function groupEntries(broker: BrokerCore, group: string, synonyms: boolean): Entry[] {
  return broker.groupConfigs.describe(group).map(({ def, override }) => ({
    name: def.name,
    value: override ?? def.default,
    readOnly: false,
    configSource: configSourceCode(override === undefined ? 'DEFAULT_CONFIG' : 'DYNAMIC_GROUP_CONFIG'),
    isSensitive: false,
    synonyms: synonyms
      ? [
          ...(override === undefined ? [] : [{ name: def.name, value: override, source: configSourceCode('DYNAMIC_GROUP_CONFIG') }]),
          { name: def.brokerSynonym, value: def.default, source: configSourceCode('DEFAULT_CONFIG') },
        ]
      : [],
    configType: configTypeCode(def.type),
    documentation: null,
  }));
}

export const describeConfigsHandler = defineHandler({
  api: Apis.DescribeConfigs,
  minVersion: 1,
  maxVersion: 4,
  handle(ctx, request) {
    const { broker } = ctx;
    const results = request.resources.map((r) => {
      const fail = (errorCode: number, errorMessage: string | null) => ({ errorCode, errorMessage, resourceType: r.resourceType, resourceName: r.resourceName, configs: [] });
      // Authorisation comes before any lookup, so a refused principal cannot tell which topics exist.
      const refused = configResourceRefusal(ctx, AclOperation.DESCRIBE_CONFIGS, r.resourceType, r.resourceName);
      if (refused !== undefined) return fail(refused, null);
      let entries: Entry[];
      if (r.resourceType === ResourceType.Topic) {
        // An illegal name is refused as such before it is looked up, as Kafka does.
        try {
          validateTopicName(r.resourceName);
        } catch (e) {
          return fail(ErrorCode.INVALID_TOPIC_EXCEPTION, r.resourceName === '' ? 'Topic name is invalid: the empty string is not allowed' : messageOf(e));
        }
        if (broker.topics.get(r.resourceName) === undefined) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${r.resourceName} does not exist`);
        entries = topicEntries(broker, r.resourceName, request.includeSynonyms, request.includeDocumentation);
      } else if (r.resourceType === ResourceType.Broker) {
        const notThisBroker = brokerResourceRefusal(broker.nodeId, r.resourceName, 'describe');
        if (notThisBroker !== null) return fail(ErrorCode.INVALID_REQUEST, notThisBroker);
        // The broker "" is the cluster-wide default (what AlterConfigs on "" sets): only those values.
        entries = brokerEntries(broker, r.resourceName === '', request.includeSynonyms, request.includeDocumentation);
      } else if (r.resourceType === ResourceType.Group) {
        if (r.resourceName === '') return fail(ErrorCode.INVALID_REQUEST, 'Group name must not be empty');
        entries = groupEntries(broker, r.resourceName, request.includeSynonyms);
      } else if (r.resourceType === ResourceType.BrokerLogger) {
        entries = [];
      } else {
        return fail(ErrorCode.INVALID_REQUEST, `Resource type ${r.resourceType} is not supported`);
      }
      const keys = r.configurationKeys;
      if (keys !== null && keys.length > 0) entries = entries.filter((e) => keys.includes(e.name));
      return { errorCode: ErrorCode.NONE, errorMessage: null, resourceType: r.resourceType, resourceName: r.resourceName, configs: entries };
    });
    return { throttleTimeMs: 0, results };
  },
});
