// The shared test kit of this repository's suites, apart from the packages it tests, as Kafka
// Streams ships its test utils apart: brokers on both sides (Sluice in-process or as the `sluice`
// command, Apache Kafka 4.3.1 from its jars), the runners of the other clients (Java, Python, Go,
// kcat), raw requests at exact API versions, random messages from the generated schema, and
// malformed record batches made from real ones. Test-only: no package's src/ may import it.
export * from './processes.ts';
export * from './run.ts';
export * from './file-lock.ts';
export * from './topics.ts';
export * from './eventually.ts';
export * from './apache-kafka.ts';
export * from './kafka-jars.ts';
export * from './raw-connection.ts';
export * from './raw-ready.ts';
export * from './readiness.ts';
export * from './java.ts';
export * from './maven-project.ts';
export * from './kafka-tools.ts';
export * from './python.ts';
export * from './confluent-kafka-javascript.ts';
export * from './go.ts';
export * from './go-test.ts';
export * from './random-messages.ts';
export * from './malformed-batches.ts';
export * from './read-committed.ts';
export * from './killable-broker.ts';
export * from './java-connect.ts';
export * from './certificates.ts';
