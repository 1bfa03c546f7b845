// The shared test kit of this repository's suites, apart from the packages it tests, as Kafka
// Streams ships its test utils apart: brokers on both sides (Sluice in-process or as the `sluice`
// command, Apache Kafka 4.3.1 from its jars), the runners of the other clients (Java, Python, Go,
// kcat), raw requests at exact API versions, random messages from the generated schema, and
// malformed record batches made from real ones. Test-only: no package's src/ may import it.
export * from './processes.js';
export * from './run.js';
export * from './topics.js';
export * from './eventually.js';
export * from './apache-kafka.js';
export * from './kafka-jars.js';
export * from './raw-connection.js';
export * from './raw-ready.js';
export * from './readiness.js';
export * from './java.js';
export * from './maven-project.js';
export * from './kafka-tools.js';
export * from './python.js';
export * from './go.js';
export * from './go-test.js';
export * from './random-messages.js';
export * from './malformed-batches.js';
export * from './read-committed.js';
export * from './killable-broker.js';
export * from './java-connect.js';
export * from './certificates.js';
