export type { FileHandle, FileSystem } from './fs/types.ts';
export { writeFileAtomic } from './fs/types.ts';
export { NodeFileSystem } from './fs/node-fs.ts';
export { MemoryFileSystem, InjectedFault } from './fs/memory-fs.ts';
export { FileCache } from './file-cache.ts';
export * from './errors.ts';
// Topic configs are defined with @sluice/config; its error is the one validateTopicConfigs throws.
export { ConfigError, type ConfigDefinition } from '@sluice/config';
export * from './topic-config.ts';
export {
  PartitionLog,
  type AppendResult,
  type AppendOptions,
  type PartitionLogOptions,
  type TransactionMarker,
  type ActiveProducer,
  type AbortedTransaction,
} from './log/partition-log.ts';
export { compactLog, type CompactionResult, type UnreadableBatch } from './log/cleaner.ts';
export { LogManager, type TopicMetadata, type LogManagerOptions, type MaintenanceTimers, type MaintenanceLog } from './log-manager.ts';
