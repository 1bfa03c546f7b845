/**
 * The processor that notices silent devices: it keeps when each device was last heard from
 * (store `last-seen`) and, every SILENCE_CHECK_MS of stream time, reports once each device not
 * heard from for more than SILENCE_MS. A device that speaks again is watched afresh.
 *
 * Stream time, not the wall clock: the check follows the readings' timestamps, so replaying old
 * data gives the same alerts; the price is that a partition whose devices all fall silent stops
 * its stream time too (a wall-clock punctuation would catch that, at the cost of repeatability).
 */
import { type KeyValueStore, type Processor, type ProcessorContext, PunctuationType, Record } from '@sluice/streams';
import { type DeviceAlert, type Metric, SILENCE_CHECK_MS, SILENCE_MS } from './model.ts';

export const LAST_SEEN_STORE = 'last-seen';

/** What the store keeps per device. */
export interface Seen {
  lastSeen: number;
  /** Whether its current silence was already reported. */
  reported: boolean;
}

export function silenceDetector(): Processor<string, Metric, string, DeviceAlert> {
  let context!: ProcessorContext<string, DeviceAlert>;
  let store!: KeyValueStore<string, Seen>;
  return {
    init(c) {
      context = c;
      store = c.getStateStore<KeyValueStore<string, Seen>>(LAST_SEEN_STORE);
      c.schedule(SILENCE_CHECK_MS, PunctuationType.STREAM_TIME, (now) => {
        const silent: [string, Seen][] = [];
        for (const { key, value } of store.all()) if (!value.reported && now - value.lastSeen > SILENCE_MS) silent.push([key, value]);
        for (const [device, seen] of silent) {
          store.put(device, { ...seen, reported: true });
          context.forward(new Record(device, { device, reason: 'silent', lastSeen: seen.lastSeen, detectedAt: now } satisfies DeviceAlert, now));
        }
      });
    },
    process(record) {
      const previous = store.get(record.key);
      // A reading older than one already seen (out of order) does not move the device's last sighting back.
      if (previous && previous.lastSeen >= record.timestamp) return;
      store.put(record.key, { lastSeen: record.timestamp, reported: false });
    },
  };
}
