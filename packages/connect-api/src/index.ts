// @sluice/connect-api: Kafka Connect's contract (Kafka's connect-api) in TypeScript. See README.md.
export { ConnectErrorCode, ConnectException, DataException, SchemaBuilderException, RetriableException, ConfigException } from './errors.ts';
export { BigDecimal } from './data/big-decimal.ts';
export { type SchemaType, SCHEMA_TYPES, isPrimitive } from './data/schema.ts';
export { Schema, ConnectSchema } from './data/connect-schema.ts';
export { SchemaBuilder } from './data/schema-builder.ts';
export { Field, schemaEquals, valuesEqual } from './data/field.ts';
export { Struct, validateValue, describeType } from './data/struct.ts';
export { SchemaAndValue } from './data/schema-and-value.ts';
export { Decimal, ConnectDate, Time, Timestamp, bigIntToBytes, bytesToBigInt } from './data/logical-types.ts';
export { Values } from './data/values.ts';
export { javaDouble, javaFloat } from './data/java-numbers.ts';
export { Header, ConnectHeaders } from './header.ts';
export { ConnectRecord, SourceRecord, SinkRecord, type RecordInit, type SourceRecordInit, type SinkRecordInit, type SourcePartition, type SourceOffset, type TimestampType } from './records.ts';
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
} from './config-def.ts';
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
} from './connector.ts';
export { type Transformation, type Predicate, type Converter, type HeaderConverter, type ConverterType, type ConnectPlugin, type PluginConfig } from './plugins.ts';
