/**
 * The record cache of each thread that runs tasks (Java's ThreadCache per StreamThread and one
 * for the GlobalStreamThread). Java splits `statestore.cache.max.bytes` evenly over them
 * (KafkaStreams.getCacheSizePerThread: the stream threads, plus one when there are global
 * stores); a Node instance runs one processing loop, so the budget goes to it, or is halved with
 * the global thread. The cached stores of all the tasks a loop runs share its cache.
 */
import { cacheMaxBytes } from '../state/caching-store.ts';
import { ThreadCache } from '../state/thread-cache.ts';
import type { Topology } from '../topology/topology.ts';

export function threadCacheFor(topology: Topology, appConfigs: Readonly<{ [setting: string]: unknown }>): ThreadCache {
  const streamThreads = topology.subtopologies().length > 0 ? 1 : 0;
  const threads = streamThreads + (topology.globalStores().length > 0 ? 1 : 0);
  return new ThreadCache(Math.floor(cacheMaxBytes(appConfigs) / Math.max(1, threads)));
}
