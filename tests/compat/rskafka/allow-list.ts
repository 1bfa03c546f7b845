// The rskafka release whose own integration tests run against Sluice, how its source is made to
// build with the Rust installed here, and which of its tests must pass. FINDINGS.md says why each
// other test is left out.
import type { CrateSetup } from './cargo.ts';

export const RSKAFKA_VERSION = '0.6.0';

export const RSKAFKA_SETUP: CrateSetup = {
  // The crate pins Rust 1.85 for rustup; the Rust installed is newer, and builds it.
  remove: ['rust-toolchain.toml'],
  // Its Cargo.lock pins rsasl 2.2.0, which current Rust refuses (a pointer cast that extends a
  // lifetime, rust-lang/rust#141402). rsasl 2.3.1 is the same API (the crate asks for "2.1");
  // it brings thiserror 2 and syn 3, pinned too, so that every run builds the same code.
  precise: [
    ['rsasl', '2.3.1'],
    ['thiserror@2', '2.0.21'],
    ['thiserror-impl@2', '2.0.21'],
    ['syn@3', '3.0.10'],
  ],
};

/** Integration test binaries (tests/<name>.rs) and the tests of each that must pass against Sluice. */
export const ALLOW: Record<string, readonly string[]> = {
  client: [
    'test_plain',
    'test_sasl', // SASL_PLAINTEXT with PLAIN, as rskafka's own Kafka setup (admin / admin-secret)
    'test_topic_crud',
    'test_partition_client',
    'test_non_existing_partition', // needs auto.create.topics.enable=false, as rskafka's own brokers
    'test_produce_empty',
    'test_consume_empty',
    'test_consume_offset_out_of_range',
    'test_get_offset',
    'test_produce_consume_size_cutoff',
    'test_consume_midbatch',
    'test_delete_records',
  ],
  consumer: [
    'test_stream_consumer_start_at_0',
    'test_stream_consumer_start_at_1',
    'test_stream_consumer_offset_out_of_range',
    'test_stream_consumer_start_at_earliest',
    'test_stream_consumer_start_at_earliest_empty',
    'test_stream_consumer_start_at_earliest_after_deletion',
    'test_stream_consumer_start_at_latest',
    'test_stream_consumer_start_at_latest_empty',
    'test_stream_consumer_start_timestamp_based_offset',
  ],
  producer: ['test_batch_producer'],
  // Producers and consumers among rskafka, librdkafka (through the rdkafka crate, built from
  // source) and the Java client (kafka-clients 3.5.0 in a JVM through j4rs), with each codec: the
  // seven pairs the crate has (not Java with librdkafka).
  produce_consume: [
    ['java', 'java'],
    ['java', 'rskafka'],
    ['rskafka', 'java'],
    ['rdkafka', 'rdkafka'],
    ['rdkafka', 'rskafka'],
    ['rskafka', 'rdkafka'],
    ['rskafka', 'rskafka'],
  ].flatMap(([producer, consumer]) =>
    ['nocompression', 'gzip', 'lz4', 'snappy', 'zstd'].map((codec) => `test_produce_${producer}_consume_${consumer}_${codec}`),
  ),
};

/** Broker-facing tests of the crate that are not run; FINDINGS.md says why. */
export const LEFT_OUT = [
  'client::test_tls', // #[ignore] upstream, and needs the transport-tls feature
  'client::test_socks5', // needs a SOCKS5 proxy and the transport-socks5 feature
  'client::test_client_backoff_terminates', // dials localhost:9000, never the broker under test
];
