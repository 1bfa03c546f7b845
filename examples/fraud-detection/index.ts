/**
 * The fraud-detection example: card payments in, alerts out. Each payment is checked against its
 * customer's profile (the limits of the card), then
 *  - counted per card in 1-minute tumbling windows: more payments than the profile allows is an alert;
 *  - summed per card in 10-minute sliding windows: more money than the profile allows is an alert,
 *    and so is a card used in two countries within those 10 minutes.
 *
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 [FRAUD_STATE_DIR=./fraud-detection-state] npm run example:fraud-detection
 *
 * Then `npm run example:fraud-detection:generate` and read the alerts with
 * `npx sluice consume fraud-alerts --from-beginning`. See README.md.
 */
import { Admin } from '@sluice/client';
import { Grouped, KafkaStreams, KeyValue, Materialized, Serdes, SlidingWindows, StreamsBuilder, TimeWindows } from '@sluice/streams';
import { type Alert, type Payment, type Profile, PAYMENT_WINDOW_MS, TRAVEL_WINDOW_MS } from './model.ts';

/** A payment with the limits of its card, as the profile table had them when it was processed. */
interface CheckedPayment extends Payment {
  profile: Profile;
}
/** Payments of one card in one 1-minute window. */
interface MinuteCount {
  count: number;
  profile: Profile | null;
}
/** Payments of one card in one 10-minute sliding window. */
interface TenMinuteSpend {
  total: number;
  countries: string[];
  profile: Profile | null;
}

const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';
const stateDir = process.env.FRAUD_STATE_DIR ?? './fraud-detection-state';

// The topics must exist before the application starts (as with Kafka Streams); create them if not.
// payments and customer-profiles are joined, so they have the same number of partitions.
const admin = new Admin({ bootstrapServers });
await admin.createTopics(
  ['payments', 'customer-profiles', 'fraud-alerts'].map((name) => ({ name, numPartitions: 3 })),
  { ifNotExists: true },
);
await admin.close();

const S = Serdes.String();
const builder = new StreamsBuilder();
const profiles = builder.table('customer-profiles', { keySerde: S, valueSerde: Serdes.JSON<Profile>() });
// A payment of a card without a profile is not checked (an inner join drops it): a real system
// would send it to a review queue; here the generator writes every profile first.
const payments = builder
  .stream('payments', { keySerde: S, valueSerde: Serdes.JSON<Payment>() })
  .join(profiles, (payment, profile): CheckedPayment => ({ ...payment, profile }))
  .groupByKey(Grouped.with(S, Serdes.JSON<CheckedPayment>()));

const alert = (profile: Profile, fields: Omit<Alert, 'card' | 'customer'>): Alert => ({ card: profile.card, customer: profile.customer, ...fields });
const alertSerde = { keySerde: S, valueSerde: Serdes.JSON<Alert>() };

// Rule 1: too many payments in a minute. Tumbling windows, 30 s of grace for payments that
// arrive late (a terminal that was offline); each update of a window over the limit is an alert,
// so a consumer keeps the latest per card and window.
payments
  .windowedBy(TimeWindows.ofSizeAndGrace(PAYMENT_WINDOW_MS, 30_000))
  .aggregate<MinuteCount>(
    () => ({ count: 0, profile: null }),
    (_card, payment, agg) => ({ count: agg.count + 1, profile: payment.profile }),
    Materialized.as<string, MinuteCount>('payments-per-minute').withValueSerde(Serdes.JSON<MinuteCount>()),
  )
  .toStream()
  .filter((_window, agg) => agg !== null && agg.profile !== null && agg.count > agg.profile.maxPaymentsPerMinute)
  .map((window, agg) => KeyValue.pair(window.key, alert(agg!.profile!, { reason: 'too-many-payments', windowStart: window.window.start, windowEnd: window.window.end, observed: agg!.count, limit: agg!.profile!.maxPaymentsPerMinute })))
  .to('fraud-alerts', alertSerde);

// Rules 2 and 3: the money spent and the countries seen in any 10 minutes. Sliding windows give
// every distinct set of payments no more than 10 minutes apart, without the overlap of hopping ones.
const spend = payments
  .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(TRAVEL_WINDOW_MS, 30_000))
  .aggregate<TenMinuteSpend>(
    () => ({ total: 0, countries: [], profile: null }),
    (_card, payment, agg) => ({
      total: agg.total + payment.amount,
      countries: agg.countries.includes(payment.country) ? agg.countries : [...agg.countries, payment.country].sort(),
      profile: payment.profile,
    }),
    Materialized.as<string, TenMinuteSpend>('spend-per-10-minutes').withValueSerde(Serdes.JSON<TenMinuteSpend>()),
  )
  .toStream()
  .filter((_window, agg) => agg !== null && agg.profile !== null);
spend
  .filter((_window, agg) => agg!.total > agg!.profile!.maxAmountPer10Minutes)
  .map((window, agg) => KeyValue.pair(window.key, alert(agg!.profile!, { reason: 'amount-over-limit', windowStart: window.window.start, windowEnd: window.window.end, observed: agg!.total, limit: agg!.profile!.maxAmountPer10Minutes })))
  .to('fraud-alerts', alertSerde);
spend
  .filter((_window, agg) => agg!.countries.length > 1)
  .map((window, agg) => KeyValue.pair(window.key, alert(agg!.profile!, { reason: 'two-countries', windowStart: window.window.start, windowEnd: window.window.end, observed: agg!.countries, limit: null })))
  .to('fraud-alerts', alertSerde);

const topology = builder.build();
const streams = new KafkaStreams(topology, {
  applicationId: 'fraud-detection',
  bootstrapServers,
  processingGuarantee: 'exactly_once_v2',
  stateDir,
});
streams.setStateListener((state) => console.log(`fraud-detection: ${state}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void streams.close({ timeoutMs: 10_000 }).then(() => process.exit(0)));
}
console.log(`fraud-detection: reading payments and customer-profiles on ${bootstrapServers}, alerts to fraud-alerts (Ctrl-C stops)`);
console.log(topology.describe().toString());
await streams.start();
