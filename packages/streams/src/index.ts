/**
 * @sluice/streams: Kafka Streams for TypeScript. A DSL (StreamsBuilder, KStream) and a processor
 * API compile into a Topology; KafkaStreams runs it against Sluice or any Kafka cluster through
 * a consumer group; TopologyTestDriver runs it with no broker at all.
 */
export { StreamsBuilder } from './kstream/streams-builder.js';
export { KStream, BranchedKStream, Branched } from './kstream/kstream.js';
export { Consumed, Produced, Repartitioned, Named, Printed } from './kstream/options.js';
export { KTable, KGroupedTable } from './kstream/ktable.js';
export { KGroupedStream } from './kstream/kgrouped-stream.js';
export { GlobalKTable } from './kstream/global-ktable.js';
export { Materialized, type StoreType } from './kstream/materialized.js';
export { Grouped } from './kstream/grouped.js';
export { JoinWindows } from './kstream/join-windows.js';
export { StreamJoined, Joined } from './kstream/joined.js';
export type { ValueJoiner } from './kstream/stream-stream-join.js';
export { TimeWindows, SessionWindows, SlidingWindows } from './kstream/windows.js';
export { TimeWindowedKStream } from './kstream/time-windowed-kstream.js';
export { SessionWindowedKStream } from './kstream/session-windowed-kstream.js';
export { EmitStrategy } from './kstream/emit-strategy.js';
export { Suppressed, BufferConfig } from './kstream/suppressed.js';
export { WindowedSerdes } from './kstream/windowed-serdes.js';
export { droppedRecordsTotal } from './kstream/dropped-records.js';
// KStream's groupByKey, groupBy and toTable are defined there (they return tables).
import './kstream/kstream-stateful.js';
export { Record, FixedKeyRecord, KeyValue, type RecordHeader, type Headers } from './record.js';
export { Serdes, type Serde, type Serializer, type Deserializer } from './serdes.js';
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
} from './processor/api.js';
export {
  failOnInvalidTimestamp,
  logAndSkipOnInvalidTimestamp,
  usePartitionTimeOnInvalidTimestamp,
  wallclockTimestampExtractor,
  type TimestampExtractor,
  type TimestampedRecord,
} from './processor/timestamps.js';
export { Topology, type Subtopology, type SourceOptions, type SinkOptions } from './topology/topology.js';
export type { TopicNameExtractor, StreamPartitioner, RecordContext, OffsetResetPolicy } from './topology/nodes.js';
export { TopologyDescription, type NodeDescription, type SubtopologyDescription } from './topology/describe.js';
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
} from './runtime/handlers.js';
export { TopologyTestDriver, TestInputTopic, TestOutputTopic, type TestRecord, type TestDriverConfig } from './test-driver/topology-test-driver.js';
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
} from './state/api.js';
export { Stores } from './state/stores.js';
export { KeyValueStoreBuilder, TimestampedKeyValueStoreBuilder } from './state/store-builders.js';
export { ThreadCache } from './state/thread-cache.js';
export {
  WindowStoreBuilder,
  TimestampedWindowStoreBuilder,
  SessionStoreBuilder,
  type WindowBytesStoreSupplier,
  type SessionBytesStoreSupplier,
} from './state/window-session-builders.js';
export { StreamsError, StreamsErrorCode } from './errors.js';
export { KafkaStreams, type KafkaStreamsState, type StateListener, type TaskMetadata } from './runtime/kafka-streams.js';
export type { StandbyUpdateListener } from './runtime/standby.js';
export { type StreamsConfig, type ProcessingGuarantee, streamsConfigDefinitions } from './runtime/config.js';
export {
  StoreQueryParameters,
  QueryableStoreTypes,
  HostInfo,
  KeyQueryMetadata,
  type QueryableStoreType,
  type StreamsMetadata,
  type TopicPartitionRef,
} from './runtime/interactive-queries.js';
export { startInteractiveQueryServer, type InteractiveQueryServer, type InteractiveQueryServerOptions } from './runtime/interactive-queries-server.js';
