/**
 * Up to this many decompressed bytes, gzip and zstd data is decompressed on the calling thread
 * rather than on libuv's thread pool. The pool's round trip costs more than decoding a producer's
 * batch (tens of microseconds for 64 KiB), and in a broker the pool's four threads are busy with
 * file writes and syncs, so a batch waited behind them: validating every produced record halved
 * the throughput of gzip and zstd produce (bench/broker/validation.ts). At 1 MiB the event loop is
 * held for a millisecond or two at most; larger data still goes to the pool.
 */
export const SYNC_DECOMPRESS_BYTES = 1024 * 1024;
