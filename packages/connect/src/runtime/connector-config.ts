/**
 * The settings every connector has besides its own (Kafka's ConnectorConfig, SinkConnectorConfig,
 * SourceConnectorConfig): name, class, tasks, converters, transforms and predicates, and error
 * handling, with Kafka's names, defaults and groups, so `/config/validate` answers as Kafka does.
 */
import { validator } from '@sluice/config';
import { ConfigDef, ConfigValidators, type Recommender } from '@sluice/connect-api';

export const COMMON_GROUP = 'Common';
export const TRANSFORMS_GROUP = 'Transforms';
export const PREDICATES_GROUP = 'Predicates';
export const ERROR_GROUP = 'Error Handling';

/** The settings of source and sink connectors alike. */
/** The converters a connector gets when it names none: the worker's, shown as the defaults (as Kafka's validation does). */
export interface WorkerConverterDefaults {
  key: string | null;
  value: string | null;
  header: string | null;
  /** The classes offered as recommended values (Kafka's ConverterRecommender and HeaderConverterRecommender). */
  converters?: readonly string[];
  headerConverters?: readonly string[];
}

const NO_DEFAULTS: WorkerConverterDefaults = { key: null, value: null, header: null };

const recommend = (values: readonly string[] | undefined): Recommender | null => (values === undefined ? null : { validValues: () => [...values], visible: () => true });

/** Kafka's order in the Common group; the gaps are Kafka 4.3's plugin-version settings, which Sluice has not. */
const COMMON_ORDER: Record<string, number> = { name: 1, 'connector.class': 2, 'tasks.max': 4, 'tasks.max.enforce': 5, 'key.converter': 6, 'value.converter': 8, 'header.converter': 10, 'config.action.reload': 14 };

export function connectorConfigDef(defaults: WorkerConverterDefaults = NO_DEFAULTS): ConfigDef {
  let order = 0;
  const common = (init: Omit<Parameters<ConfigDef['define']>[0], 'group' | 'orderInGroup'>) => ({ ...init, group: COMMON_GROUP, orderInGroup: COMMON_ORDER[init.name] ?? ++order });
  const def = new ConfigDef()
    .define(common({ name: 'name', type: 'STRING', validator: ConfigValidators.nonEmptyStringWithoutControlChars(), importance: 'high', documentation: 'A name for this connector, unique in the cluster', width: 'MEDIUM', displayName: 'Connector name' }))
    .define(common({ name: 'connector.class', type: 'STRING', importance: 'high', documentation: 'The connector\'s class name or alias (FileStreamSource, org.apache.kafka.connect.file.FileStreamSinkConnector, ...)', width: 'LONG', displayName: 'Connector class' }))
    .define(common({ name: 'tasks.max', type: 'INT', defaultValue: 1, validator: ConfigValidators.atLeast(1), importance: 'high', documentation: 'How many tasks the connector may run at most', width: 'SHORT', displayName: 'Tasks max' }))
    .define(common({ name: 'tasks.max.enforce', type: 'BOOLEAN', defaultValue: true, importance: 'low', documentation: 'Whether more task configs than tasks.max fail the connector', width: 'SHORT', displayName: 'Enforce tasks max' }))
    .define(common({ name: 'key.converter', type: 'CLASS', defaultValue: defaults.key, recommender: recommend(defaults.converters), importance: 'low', documentation: 'The converter of this connector\'s keys, overriding the worker\'s', width: 'SHORT', displayName: 'Key converter class' }))
    .define(common({ name: 'value.converter', type: 'CLASS', defaultValue: defaults.value, recommender: recommend(defaults.converters), importance: 'low', documentation: 'The converter of this connector\'s values, overriding the worker\'s', width: 'SHORT', displayName: 'Value converter class' }))
    .define(common({ name: 'header.converter', type: 'CLASS', defaultValue: defaults.header, recommender: recommend(defaults.headerConverters), importance: 'low', documentation: 'The converter of this connector\'s headers, overriding the worker\'s', width: 'SHORT', displayName: 'Header converter class' }))
    .define({ name: 'transforms', type: 'LIST', defaultValue: '', importance: 'low', documentation: 'Aliases of the transformations applied to each record, in order', group: TRANSFORMS_GROUP, orderInGroup: ++order, width: 'LONG', displayName: 'Transforms' })
    .define({ name: 'predicates', type: 'LIST', defaultValue: '', importance: 'low', documentation: 'Aliases of the predicates transformations may name', group: PREDICATES_GROUP, orderInGroup: ++order, width: 'LONG', displayName: 'Predicates' })
    .define({ name: 'config.action.reload', type: 'STRING', defaultValue: 'restart', validator: ConfigValidators.caseInsensitiveIn('none', 'restart'), importance: 'low', documentation: 'What the worker does when an external configuration provider changes a value: none or restart', group: COMMON_GROUP, orderInGroup: COMMON_ORDER['config.action.reload'], width: 'MEDIUM', displayName: 'Reload Action' });
  let errorOrder = 0;
  const errors = (init: Omit<Parameters<ConfigDef['define']>[0], 'group' | 'orderInGroup' | 'importance'>) => ({ ...init, importance: 'medium' as const, group: ERROR_GROUP, orderInGroup: ++errorOrder });
  def
    .define(errors({ name: 'errors.retry.timeout', type: 'LONG', defaultValue: 0, documentation: 'How long a failed operation is retried; 0 no retries, -1 forever', width: 'MEDIUM', displayName: 'Retry Timeout for Errors' }))
    .define(errors({ name: 'errors.retry.delay.max.ms', type: 'LONG', defaultValue: 60000, documentation: 'The longest wait between retries of a failed operation', width: 'MEDIUM', displayName: 'Maximum Delay Between Retries for Errors' }))
    .define(errors({ name: 'errors.tolerance', type: 'STRING', defaultValue: 'none', validator: ConfigValidators.in('none', 'all'), documentation: 'none: an error in conversion or transformation fails the task; all: the record is skipped', width: 'SHORT', displayName: 'Error Tolerance' }))
    .define(errors({ name: 'errors.log.enable', type: 'BOOLEAN', defaultValue: false, documentation: 'Whether each error, its operation and the failing record are logged', width: 'SHORT', displayName: 'Log Errors' }))
    .define(errors({ name: 'errors.log.include.messages', type: 'BOOLEAN', defaultValue: false, documentation: 'Whether the logged error includes the record (topic, partition, offset, timestamp for sinks)', width: 'SHORT', displayName: 'Log Error Details' }));
  return def;
}

/** A sink connector's settings: the common ones, its topics and its dead letter queue. */
export function sinkConnectorConfigDef(defaults: WorkerConverterDefaults = NO_DEFAULTS): ConfigDef {
  let order = 5;
  return connectorConfigDef(defaults)
    .define({ name: 'topics', type: 'LIST', defaultValue: '', importance: 'high', documentation: 'The topics to consume; give this or topics.regex', group: COMMON_GROUP, orderInGroup: 4, width: 'LONG', displayName: 'Topics' })
    .define({ name: 'topics.regex', type: 'STRING', defaultValue: '', importance: 'high', documentation: 'A regular expression naming the topics to consume; give this or topics', group: COMMON_GROUP, orderInGroup: 4, width: 'LONG', displayName: 'Topics regex' })
    .define({ name: 'errors.deadletterqueue.topic.name', type: 'STRING', defaultValue: '', importance: 'medium', documentation: 'The topic records that fail conversion or transformation are written to; empty for none', group: ERROR_GROUP, orderInGroup: ++order, width: 'MEDIUM', displayName: 'Dead Letter Queue Topic Name' })
    .define({ name: 'errors.deadletterqueue.topic.replication.factor', type: 'SHORT', defaultValue: 3, importance: 'medium', documentation: 'The replication factor of the dead letter queue topic when it is created', group: ERROR_GROUP, orderInGroup: ++order, width: 'MEDIUM', displayName: 'Dead Letter Queue Topic Replication Factor' })
    .define({ name: 'errors.deadletterqueue.context.headers.enable', type: 'BOOLEAN', defaultValue: false, importance: 'medium', documentation: 'Whether records in the dead letter queue carry __connect.errors.* headers saying where they came from and why they failed', group: ERROR_GROUP, orderInGroup: ++order, width: 'MEDIUM', displayName: 'Enable Error Context Headers' });
}

export const EXACTLY_ONCE_SUPPORT_GROUP = 'Exactly Once Support';
export const OFFSETS_TOPIC_GROUP = 'offsets.topic';

/** transaction.boundary.interval.ms: unset, or at least 0 (Kafka's lambda validator around Range.atLeast(0), which shows as [0,...]). */
const atLeastZero = ConfigValidators.atLeast(0);
const unsetOrAtLeastZero = validator(atLeastZero.valid ?? '[0,...]', (v) => (v === null ? undefined : atLeastZero(v)));

/**
 * A source connector's settings: the common ones and Kafka's exactly-once ones (KIP-618), which
 * act in distributed mode with `exactly.once.source.support=enabled` on the worker:
 * `exactly.once.support` (requested, or required: refuse a connector that does not say it can),
 * `transaction.boundary` (poll, interval, connector) with `transaction.boundary.interval.ms`, and
 * `offsets.storage.topic` (the connector's own offsets topic).
 */
export function sourceConnectorConfigDef(defaults: WorkerConverterDefaults = NO_DEFAULTS): ConfigDef {
  let order = 0;
  return connectorConfigDef(defaults)
    .define({ name: 'exactly.once.support', type: 'STRING', defaultValue: 'requested', validator: ConfigValidators.caseInsensitiveIn('requested', 'required'), importance: 'medium', documentation: 'requested, or required: then the connector must say it can deliver exactly once with this config (its exactlyOnceSupport()) and the worker must have exactly-once source support enabled, or the config is refused', group: EXACTLY_ONCE_SUPPORT_GROUP, orderInGroup: ++order, width: 'SHORT', displayName: 'Exactly once support' })
    .define({ name: 'transaction.boundary', type: 'STRING', defaultValue: 'poll', validator: ConfigValidators.caseInsensitiveIn('poll', 'interval', 'connector'), importance: 'medium', documentation: 'Where exactly-once transactions end: poll (after each batch a task returns), interval (every transaction.boundary.interval.ms) or connector (where the task says, through its TransactionContext; only for connectors that can define boundaries)', group: EXACTLY_ONCE_SUPPORT_GROUP, orderInGroup: ++order, width: 'SHORT', displayName: 'Transaction Boundary' })
    .define({ name: 'transaction.boundary.interval.ms', type: 'LONG', defaultValue: null, validator: unsetOrAtLeastZero, importance: 'low', documentation: 'With transaction.boundary=interval, how often transactions are committed; unset: the worker\'s offset.flush.interval.ms', group: EXACTLY_ONCE_SUPPORT_GROUP, orderInGroup: ++order, width: 'SHORT', displayName: 'Transaction boundary interval' })
    .define({ name: 'offsets.storage.topic', type: 'STRING', defaultValue: null, validator: ConfigValidators.nonEmptyString(), importance: 'low', documentation: 'Distributed mode: a topic of this connector\'s own for its source offsets (created if missing) instead of the worker\'s offset.storage.topic', group: OFFSETS_TOPIC_GROUP, orderInGroup: 1, width: 'LONG', displayName: 'Offsets topic' });
}
