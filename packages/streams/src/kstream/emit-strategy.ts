/**
 * When a windowed aggregation emits (Kafka Streams' `EmitStrategy`): on every update (the
 * default), or once per window when it closes (stream time past its end plus grace), read back
 * from the window store. Closed windows are looked for at most once per second of wall-clock
 * time, as Java's do, so a final result may wait for a record that arrives a second later.
 */
export type EmitStrategy = { readonly type: 'ON_WINDOW_UPDATE' } | { readonly type: 'ON_WINDOW_CLOSE' };

export const EmitStrategy = {
  onWindowUpdate(): EmitStrategy {
    return { type: 'ON_WINDOW_UPDATE' };
  },
  onWindowClose(): EmitStrategy {
    return { type: 'ON_WINDOW_CLOSE' };
  },
};

/** Java's internal setting of how often (ms of wall-clock time) `onWindowClose` looks for closed windows; the test driver sets 0. */
export const EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION = '__emit.interval.ms.kstreams.windowed.aggregation__';

/** The emit interval a processor's application gives, else Java's default of a second. */
export function emitIntervalMs(appConfigs: Readonly<{ [setting: string]: unknown }> | undefined): number {
  const v = appConfigs?.[EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION];
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 1000;
}
