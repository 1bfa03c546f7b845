export type { FileHandle, FileSystem } from './fs/types.js';
export { writeFileAtomic } from './fs/types.js';
export { NodeFileSystem } from './fs/node-fs.js';
export { MemoryFileSystem, InjectedFault } from './fs/memory-fs.js';
export { FileCache } from './file-cache.js';
export * from './errors.js';
// Topic configs are defined with @sluice/config; its error is the one validateTopicConfigs throws.
export { ConfigError, type ConfigDefinition } from '@sluice/config';
export * from './topic-config.js';
export {
  PartitionLog,
  type AppendResult,
  type AppendOptions,
  type PartitionLogOptions,
  type TransactionMarker,
  type ActiveProducer,
  type AbortedTransaction,
} from './log/partition-log.js';
export { compactLog, type CompactionResult, type UnreadableBatch } from './log/cleaner.js';
export { LogManager, type TopicMetadata, type LogManagerOptions, type MaintenanceTimers, type MaintenanceLog } from './log-manager.js';
