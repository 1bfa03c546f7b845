/**
 * @sluice/streams: Kafka Streams for TypeScript. A DSL (StreamsBuilder, KStream) and a processor
 * API compile into a Topology; KafkaStreams runs it against Sluice or any Kafka cluster through
 * a consumer group; TopologyTestDriver runs it with no broker at all.
 */
export { StreamsBuilder } from './kstream/streams-builder.ts';
export { KStream, BranchedKStream, Branched } from './kstream/kstream.ts';
export { Consumed, Produced, Repartitioned, Named, Printed } from './kstream/options.ts';
export { KTable, KGroupedTable } from './kstream/ktable.ts';
export { KGroupedStream } from './kstream/kgrouped-stream.ts';
export { GlobalKTable } from './kstream/global-ktable.ts';
export { Materialized, type StoreType } from './kstream/materialized.ts';
export { Grouped } from './kstream/grouped.ts';
export { JoinWindows } from './kstream/join-windows.ts';
export { StreamJoined, Joined } from './kstream/joined.ts';
export type { ValueJoiner } from './kstream/stream-stream-join.ts';
export { TimeWindows, SessionWindows, SlidingWindows } from './kstream/windows.ts';
export { TimeWindowedKStream } from './kstream/time-windowed-kstream.ts';
export { SessionWindowedKStream } from './kstream/session-windowed-kstream.ts';
export { EmitStrategy } from './kstream/emit-strategy.ts';
export { Suppressed, BufferConfig } from './kstream/suppressed.ts';
export { WindowedSerdes } from './kstream/windowed-serdes.ts';
export { droppedRecordsTotal } from './kstream/dropped-records.ts';
// KStream's groupByKey, groupBy and toTable are defined there (they return tables).
import './kstream/kstream-stateful.ts';
export { Record, FixedKeyRecord, KeyValue, type RecordHeader, type Headers } from './record.ts';
export { Serdes, type Serde, type Serializer, type Deserializer } from './serdes.ts';
export {
  PunctuationType,
  type Processor,
  type ProcessorContext,
  type ProcessorSupplier,
  type FixedKeyProcessor,
  type FixedKeyProcessorContext,
  type FixedKeyProcessorSupplier,
  type Punctuator,
  type Cancellable,
  type RecordMetadata,
} from './processor/api.ts';
export {
  failOnInvalidTimestamp,
  logAndSkipOnInvalidTimestamp,
  usePartitionTimeOnInvalidTimestamp,
  wallclockTimestampExtractor,
  type TimestampExtractor,
  type TimestampedRecord,
} from './processor/timestamps.ts';
export { Topology, type Subtopology, type SourceOptions, type SinkOptions } from './topology/topology.ts';
export type { TopicNameExtractor, StreamPartitioner, RecordContext, OffsetResetPolicy } from './topology/nodes.ts';
export { TopologyDescription, type NodeDescription, type SubtopologyDescription } from './topology/describe.ts';
export {
  logAndFailExceptionHandler,
  logAndContinueExceptionHandler,
  defaultProductionExceptionHandler,
  logAndContinueProductionExceptionHandler,
  logAndFailProcessingExceptionHandler,
  logAndContinueProcessingExceptionHandler,
  type HandlerResponse,
  type ErrorHandlerContext,
  type RawRecord,
  type OutputRecord,
  type DeserializationExceptionHandler,
  type ProductionExceptionHandler,
  type ProcessingExceptionHandler,
  type StreamsUncaughtExceptionHandler,
  type StreamsUncaughtExceptionResponse,
  type StreamsLogger,
} from './runtime/handlers.ts';
export { TopologyTestDriver, TestInputTopic, TestOutputTopic, type TestRecord, type TestDriverConfig } from './test-driver/topology-test-driver.ts';
export {
  ValueAndTimestamp,
  TIMESTAMPED_STORE,
  isTimestampedKeyValueStore,
  isKeyValueStore,
  type StateStore,
  type StateStoreContext,
  type StoreRecordContext,
  type ChangelogRecord,
  type StateRestoreCallback,
  type StateRestoreListener,
  type KeyValueIterator,
  type ReadOnlyKeyValueStore,
  type KeyValueStore,
  type TimestampedKeyValueStore,
  type Window,
  type Windowed,
  type ReadOnlyWindowStore,
  type WindowStore,
  type ReadOnlySessionStore,
  type SessionStore,
  type Change,
  type CacheFlushListener,
  type CachedStateStore,
  type StoreSupplier,
  type KeyValueBytesStoreSupplier,
  type ChangelogConfig,
  type StoreBuilder,
} from './state/api.ts';
export { Stores } from './state/stores.ts';
export { KeyValueStoreBuilder, TimestampedKeyValueStoreBuilder } from './state/store-builders.ts';
export { ThreadCache } from './state/thread-cache.ts';
export {
  WindowStoreBuilder,
  TimestampedWindowStoreBuilder,
  SessionStoreBuilder,
  type WindowBytesStoreSupplier,
  type SessionBytesStoreSupplier,
} from './state/window-session-builders.ts';
export { StreamsError, StreamsErrorCode } from './errors.ts';
export { KafkaStreams, type KafkaStreamsState, type StateListener, type TaskMetadata } from './runtime/kafka-streams.ts';
export type { StandbyUpdateListener } from './runtime/standby.ts';
export { type StreamsConfig, type ProcessingGuarantee, streamsConfigDefinitions } from './runtime/config.ts';
export {
  StoreQueryParameters,
  QueryableStoreTypes,
  HostInfo,
  KeyQueryMetadata,
  type QueryableStoreType,
  type StreamsMetadata,
  type TopicPartitionRef,
} from './runtime/interactive-queries.ts';
export { startInteractiveQueryServer, type InteractiveQueryServer, type InteractiveQueryServerOptions } from './runtime/interactive-queries-server.ts';
