/**
 * Suppressed and BufferConfig (Kafka Streams' `Suppressed`, `Suppressed.BufferConfig`): what
 * `KTable.suppress()` holds back and for how long.
 *
 * - `Suppressed.untilWindowCloses(BufferConfig.unbounded())`: one final result per window of a
 *   windowed table, once stream time passes the window's end plus its grace period. Its buffer
 *   must never emit early (an unbounded buffer, or one that shuts down when full).
 * - `Suppressed.untilTimeLimit(ms, bufferConfig)`: the latest update of a key, once stream time is
 *   `ms` past it (rate limiting); a full buffer emits its oldest entries early
 *   (`emitEarlyWhenFull()`, the default of `maxRecords`/`maxBytes`) or stops the application
 *   (`shutDownWhenFull()`).
 */
import { topologyError } from '../errors.ts';
import type { ChangelogConfig } from '../state/api.ts';
import { nameOf } from './options.ts';

export type BufferFullStrategy = 'EMIT' | 'SHUT_DOWN';

export class BufferConfig {
  readonly maxRecordsLimit: number;
  readonly maxBytesLimit: number;
  readonly bufferFullStrategy: BufferFullStrategy;
  readonly loggingEnabled: boolean;
  readonly logConfig: ChangelogConfig;

  private constructor(
    maxRecordsLimit: number,
    maxBytesLimit: number,
    bufferFullStrategy: BufferFullStrategy,
    loggingEnabled: boolean,
    logConfig: ChangelogConfig,
  ) {
    this.maxRecordsLimit = maxRecordsLimit;
    this.maxBytesLimit = maxBytesLimit;
    this.bufferFullStrategy = bufferFullStrategy;
    this.loggingEnabled = loggingEnabled;
    this.logConfig = logConfig;
  }

  /** No limit: the buffer holds whatever it must (memory permitting). */
  static unbounded(): BufferConfig {
    return new BufferConfig(Infinity, Infinity, 'SHUT_DOWN', true, {});
  }

  /** At most `n` records (emitting the oldest early when full, unless told to shut down). */
  static maxRecords(n: number): BufferConfig {
    return new BufferConfig(limit(n, 'maxRecords'), Infinity, 'EMIT', true, {});
  }

  /** At most `n` bytes of keys, values and record context (emitting the oldest early when full, unless told to shut down). */
  static maxBytes(n: number): BufferConfig {
    return new BufferConfig(Infinity, limit(n, 'maxBytes'), 'EMIT', true, {});
  }

  withMaxRecords(n: number): BufferConfig {
    return new BufferConfig(limit(n, 'maxRecords'), this.maxBytesLimit, this.bufferFullStrategy, this.loggingEnabled, this.logConfig);
  }

  withMaxBytes(n: number): BufferConfig {
    return new BufferConfig(this.maxRecordsLimit, limit(n, 'maxBytes'), this.bufferFullStrategy, this.loggingEnabled, this.logConfig);
  }

  withNoBound(): BufferConfig {
    return new BufferConfig(Infinity, Infinity, 'SHUT_DOWN', this.loggingEnabled, this.logConfig);
  }

  /** When full, emit the oldest records before their time (they are then not final). */
  emitEarlyWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecordsLimit, this.maxBytesLimit, 'EMIT', this.loggingEnabled, this.logConfig);
  }

  /** When full, stop the application with an error rather than emit early. */
  shutDownWhenFull(): BufferConfig {
    return new BufferConfig(this.maxRecordsLimit, this.maxBytesLimit, 'SHUT_DOWN', this.loggingEnabled, this.logConfig);
  }

  /** The buffer's changelog (on by default), with extra topic settings. */
  withLoggingEnabled(config: ChangelogConfig = {}): BufferConfig {
    return new BufferConfig(this.maxRecordsLimit, this.maxBytesLimit, this.bufferFullStrategy, true, { ...config });
  }

  /** No changelog: what the buffer holds is lost when the task moves or fails. */
  withLoggingDisabled(): BufferConfig {
    return new BufferConfig(this.maxRecordsLimit, this.maxBytesLimit, this.bufferFullStrategy, false, {});
  }
}

function limit(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw topologyError(`BufferConfig.${what} must be a whole, non-negative number, got ${String(n)}`);
  return n;
}

export interface Suppressed {
  readonly kind: 'untilWindowCloses' | 'untilTimeLimit';
  /** untilTimeLimit's wait; untilWindowCloses takes the window's grace period when the topology is built. */
  readonly timeToWaitMs: number;
  readonly bufferConfig: BufferConfig;
  readonly name?: string;
  /** Names the suppression processor (and its buffer, `<name>-store`). */
  withName(name: string): Suppressed;
}

function suppressed(kind: Suppressed['kind'], timeToWaitMs: number, bufferConfig: BufferConfig, name?: string): Suppressed {
  return { kind, timeToWaitMs, bufferConfig, name, withName: (n: string) => suppressed(kind, timeToWaitMs, bufferConfig, nameOf(n)) };
}

export const Suppressed = {
  untilWindowCloses(bufferConfig: BufferConfig): Suppressed {
    if (!(bufferConfig instanceof BufferConfig)) throw topologyError('untilWindowCloses() takes a BufferConfig, e.g. BufferConfig.unbounded()');
    if (bufferConfig.bufferFullStrategy !== 'SHUT_DOWN') {
      throw topologyError('untilWindowCloses() needs a buffer that never emits early: BufferConfig.unbounded(), or a bounded one with shutDownWhenFull()');
    }
    return suppressed('untilWindowCloses', 0, bufferConfig);
  },
  untilTimeLimit(timeToWaitForMoreEventsMs: number, bufferConfig: BufferConfig): Suppressed {
    if (!Number.isSafeInteger(timeToWaitForMoreEventsMs) || timeToWaitForMoreEventsMs < 0) {
      throw topologyError(`untilTimeLimit() takes a whole, non-negative number of milliseconds, got ${String(timeToWaitForMoreEventsMs)}`);
    }
    if (!(bufferConfig instanceof BufferConfig)) throw topologyError('untilTimeLimit() takes a BufferConfig, e.g. BufferConfig.maxRecords(1000)');
    return suppressed('untilTimeLimit', timeToWaitForMoreEventsMs, bufferConfig);
  },
};
