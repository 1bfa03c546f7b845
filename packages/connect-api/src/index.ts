// @sluice/connect-api: Kafka Connect's contract (Kafka's connect-api) in TypeScript. See README.md.
export { ConnectErrorCode, ConnectException, DataException, SchemaBuilderException, RetriableException, ConfigException } from './errors.js';
export { BigDecimal } from './data/big-decimal.js';
export { type SchemaType, SCHEMA_TYPES, isPrimitive } from './data/schema.js';
export { Schema, ConnectSchema } from './data/connect-schema.js';
export { SchemaBuilder } from './data/schema-builder.js';
export { Field, schemaEquals, valuesEqual } from './data/field.js';
export { Struct, validateValue, describeType } from './data/struct.js';
export { SchemaAndValue } from './data/schema-and-value.js';
export { Decimal, ConnectDate, Time, Timestamp, bigIntToBytes, bytesToBigInt } from './data/logical-types.js';
export { Values } from './data/values.js';
export { javaDouble, javaFloat } from './data/java-numbers.js';
export { Header, ConnectHeaders } from './header.js';
export { ConnectRecord, SourceRecord, SinkRecord, type RecordInit, type SourceRecordInit, type SinkRecordInit, type SourcePartition, type SourceOffset, type TimestampType } from './records.js';
export {
  ConfigDef,
  ConfigValue,
  ConfigValidators,
  Password,
  NO_DEFAULT_VALUE,
  parseType,
  convertToString,
  configInfos,
  type ConfigDefType,
  type ConnectValidator,
  type ConfigDefWidth,
  type ConfigKey,
  type ConfigKeyInit,
  type Recommender,
  type ConfigInfos,
  type ConfigKeyInfo,
  type ConfigValueInfo,
} from './config-def.js';
export {
  Connector,
  SourceConnector,
  SinkConnector,
  SourceTask,
  SinkTask,
  type Task,
  type TaskClass,
  type Awaitable,
  type ConnectorConfig,
  type ConnectorContext,
  type SourceConnectorContext,
  type SourceTaskContext,
  type SinkTaskContext,
  type OffsetStorageReader,
  type TransactionContext,
  type ErrantRecordReporter,
  type RecordMetadata,
  type TopicPartition,
  type TopicPartitionOffset,
  type ExactlyOnceSupport,
  type ConnectorTransactionBoundaries,
  type TransactionBoundary,
  type Config,
} from './connector.js';
export { type Transformation, type Predicate, type Converter, type HeaderConverter, type ConverterType, type ConnectPlugin, type PluginConfig } from './plugins.js';
