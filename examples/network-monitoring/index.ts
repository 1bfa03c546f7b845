/**
 * The network-monitoring example: device readings in; a dashboard of each device's current
 * session of activity, and alerts on error bursts and on devices gone silent, out.
 *  - Readings closer than 30 s form a session per device (session windows): its readings,
 *    errors and worst latency go to `device-dashboard`, updated as the session grows.
 *  - Errors closer than 10 s form a burst (session windows over the errors alone); a burst of
 *    3 errors or more is an alert in `device-alerts`.
 *  - A device not heard from for over a minute of stream time is an alert too (a processor with
 *    a store of last sightings and a stream-time punctuation).
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 [NETWORK_STATE_DIR=./network-monitoring-state] npm run example:network-monitoring
 *
 * Then `npm run example:network-monitoring:generate`. See README.md.
 */
import { Admin } from '@sluice/client';
import { Grouped, KafkaStreams, KeyValue, Materialized, Serdes, SessionWindows, Stores, StreamsBuilder } from '@sluice/streams';
import { type DeviceAlert, type Metric, type SessionSummary, ACTIVITY_GAP_MS, BURST_GAP_MS, BURST_MIN_ERRORS } from './model.ts';
import { LAST_SEEN_STORE, type Seen, silenceDetector } from './silence-detector.ts';

/** A session's figures (its start and end are the window's). */
interface Activity {
  readings: number;
  errors: number;
  maxLatencyMs: number;
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const stateDir = process.env.NETWORK_STATE_DIR ?? './network-monitoring-state';

// The topics must exist before the application starts (as with Kafka Streams); create them if not.
const admin = new Admin({ bootstrapServers });
await admin.createTopics(
  ['device-metrics', 'device-dashboard', 'device-alerts'].map((name) => ({ name, numPartitions: 3 })),
  { ifNotExists: true },
);
await admin.close();

const S = Serdes.String();
const metricSerde = Serdes.JSON<Metric>();
const alertSerde = { keySerde: S, valueSerde: Serdes.JSON<DeviceAlert>() };
const builder = new StreamsBuilder();
const metrics = builder.stream('device-metrics', { keySerde: S, valueSerde: metricSerde });

// The dashboard: one session of activity per device, 5 s of grace for late readings.
metrics
  .groupByKey(Grouped.with(S, metricSerde))
  .windowedBy(SessionWindows.ofInactivityGapAndGrace(ACTIVITY_GAP_MS, 5_000))
  .aggregate<Activity>(
    () => ({ readings: 0, errors: 0, maxLatencyMs: 0 }),
    (_device, m, a) => ({ readings: a.readings + 1, errors: a.errors + (m.status === 'error' ? 1 : 0), maxLatencyMs: Math.max(a.maxLatencyMs, m.latencyMs) }),
    // A late reading can join two sessions into one: their figures add up.
    (_device, a, b) => ({ readings: a.readings + b.readings, errors: a.errors + b.errors, maxLatencyMs: Math.max(a.maxLatencyMs, b.maxLatencyMs) }),
    Materialized.as<string, Activity>('device-sessions').withValueSerde(Serdes.JSON<Activity>()),
  )
  .toStream()
  // A null is a session merged into another: the dashboard shows the merged one instead.
  .filter((_session, a) => a !== null)
  .map((session, a) => KeyValue.pair(session.key, { device: session.key, sessionStart: session.window.start, sessionEnd: session.window.end, ...a! } satisfies SessionSummary))
  .to('device-dashboard', { keySerde: S, valueSerde: Serdes.JSON<SessionSummary>() });

// Error bursts: sessions of the errors alone, so a burst ends after 10 s without an error.
metrics
  .filter((_device, m) => m.status === 'error')
  .groupByKey(Grouped.with(S, metricSerde))
  .windowedBy(SessionWindows.ofInactivityGapAndGrace(BURST_GAP_MS, 5_000))
  .count(Materialized.as<string, bigint>('error-bursts'))
  .toStream()
  .filter((_burst, errors) => errors !== null && errors >= BigInt(BURST_MIN_ERRORS))
  .map((burst, errors) => KeyValue.pair(burst.key, { device: burst.key, reason: 'error-burst', burstStart: burst.window.start, burstEnd: burst.window.end, errors: Number(errors) } satisfies DeviceAlert as DeviceAlert))
  .to('device-alerts', alertSerde);

// Silence: no reading is a record, so a punctuation looks at the last sightings instead.
builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_SEEN_STORE), S, Serdes.JSON<Seen>()));
metrics.process(silenceDetector, undefined, LAST_SEEN_STORE).to('device-alerts', alertSerde);

const topology = builder.build();
const streams = new KafkaStreams(topology, {
  applicationId: 'network-monitoring',
  bootstrapServers,
  processingGuarantee: 'exactly_once_v2',
  stateDir,
});
streams.setStateListener((state) => console.log(`network-monitoring: ${state}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void streams.close({ timeoutMs: 10_000 }).then(() => process.exit(0)));
}
console.log(`network-monitoring: reading device-metrics on ${bootstrapServers}, sessions to device-dashboard, alerts to device-alerts (Ctrl-C stops)`);
console.log(topology.describe().toString());
await streams.start();
