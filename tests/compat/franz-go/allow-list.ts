// The franz-go release whose own integration tests run against Sluice, and which of its tests
// must pass: shared by franz-go.test.ts (plaintext) and franz-go-secure.test.ts (TLS, SCRAM).
export const FRANZ_GO_VERSION = 'v1.22.3';

/** Top-level tests of pkg/kgo that use a real broker and pass against Sluice. */
export const ALLOW = [
  // client_test.go
  'TestPing',
  'TestIssue1034',
  'TestUnknownGroupOffsetFetchPinned',
  // produce_request_test.go
  'TestClient_Produce',
  'TestClient_ProduceLargeMessages',
  'TestIssue769',
  'TestIssue831',
  'TestIssueProduceSyncManualPartitionNegativeDoesNotPanic',
  // consumer_test.go
  'TestAddRemovePartitions',
  'TestConsumeMaxDecompressBatchBytes',
  'TestConsumeRegex',
  'TestConsumeTopicRetrieval',
  'TestConsumeTopicRetrieval_Many',
  'TestDirectPartitionPurge',
  'TestGroupSimple',
  'TestHookPollStart',
  'TestIssue325',
  'TestIssue337',
  'TestIssue434',
  'TestIssue523',
  'TestIssue648',
  'TestIssue810',
  'TestIssue865',
  'TestIssueFetchLargerThanBrokerMaxReadBytes',
  'TestPauseIssue489',
  'TestPauseIssueOct2023',
  'TestPooling',
  // group_test.go: the chained group ETL (range, cooperative-sticky, static membership)
  'TestGroupETL',
  // txn_test.go: the same chain with a transactional producer and read_committed group
  // transact sessions (GroupTransactSession) committing offsets in each transaction
  'TestTxnEtl',
] as const;
