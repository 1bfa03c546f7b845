// kafka-python's own integration tests (test/integration in its PyPI sdists, 2.3.3 and 3.0.12)
// against a Sluice broker, through the suite's external-broker mode (KAFKA_URI). Every
// allow-listed test must pass; FINDINGS.md says why each other one is left out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker, type Broker } from '@sluice/broker';
import { KAFKA_PYTHON_3_VERSION, KAFKA_PYTHON_VERSION, pythonVenv, run, runToEnd } from '@sluice/test-kit';
import { writeResults, type SuiteResult } from '../support/results.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CODECS = ['python-snappy==0.7.3', 'cramjam==2.14.0', 'lz4==4.4.5', 'zstandard==0.25.0'];
const PRODUCER_CODECS = ['None', 'gzip', 'snappy', 'lz4', 'zstd'];

const ALLOW_2 = [
  'test/integration/test_admin_integration.py::test_describe_configs_broker_resource_returns_configs',
  'test/integration/test_admin_integration.py::test_describe_configs_topic_resource_returns_configs',
  'test/integration/test_admin_integration.py::test_describe_configs_mixed_resources_returns_configs',
  'test/integration/test_admin_integration.py::test_describe_configs_invalid_broker_id_raises',
  'test/integration/test_admin_integration.py::test_describe_consumer_group_exists',
  'test/integration/test_admin_integration.py::test_delete_consumergroups',
  'test/integration/test_admin_integration.py::test_delete_consumergroups_with_errors',
  'test/integration/test_admin_integration.py::test_delete_records',
  'test/integration/test_admin_integration.py::test_delete_records_with_errors',
  'test/integration/test_consumer_group.py::test_consumer',
  'test/integration/test_consumer_group.py::test_consumer_topics',
  'test/integration/test_consumer_group.py::test_group',
  'test/integration/test_consumer_group.py::test_paused',
  'test/integration/test_consumer_group.py::test_heartbeat_thread',
  'test/integration/test_consumer_integration.py::test_kafka_consumer',
  'test/integration/test_consumer_integration.py::test_kafka_consumer_unsupported_encoding',
  'test/integration/test_consumer_integration.py::test_kafka_consumer__blocking',
  'test/integration/test_consumer_integration.py::test_kafka_consumer__offset_commit_resume',
  'test/integration/test_consumer_integration.py::test_kafka_consumer_max_bytes_simple',
  'test/integration/test_consumer_integration.py::test_kafka_consumer_max_bytes_one_msg',
  'test/integration/test_consumer_integration.py::test_kafka_consumer_offsets_for_time',
  'test/integration/test_consumer_integration.py::test_kafka_consumer_offsets_search_many_partitions',
  'test/integration/test_consumer_integration.py::test_kafka_consumer_offsets_for_times_errors',
  ...PRODUCER_CODECS.flatMap((c) => [
    `test/integration/test_producer_integration.py::test_end_to_end[${c}]`,
    `test/integration/test_producer_integration.py::test_kafka_producer_proper_record_metadata[${c}]`,
  ]),
  'test/integration/test_producer_integration.py::test_idempotent_producer',
  'test/integration/test_producer_integration.py::test_transactional_producer_messages',
  'test/integration/test_producer_integration.py::test_transactional_producer_offsets',
];

const ALLOW_3 = [
  ...[
    'test_create_delete_topics',
    'test_create_partitions',
    'test_delete_groups',
    'test_delete_groups_with_errors',
    'test_delete_records',
    'test_delete_records_with_errors',
    'test_describe_configs_broker_resource_returns_configs',
    'test_describe_configs_invalid_broker_id_raises',
    'test_describe_configs_mixed_resources_returns_configs',
    'test_describe_configs_topic_resource_returns_configs',
    'test_describe_group_exists',
    'test_describe_metadata_quorum',
    'test_list_partition_offsets',
  ].map((t) => `test/integration/test_admin_integration.py::${t}`),
  ...[
    'test_consumer',
    'test_consumer_topics',
    'test_group',
    'test_heartbeat_thread',
    'test_kafka_consumer',
    'test_kafka_consumer__blocking',
    'test_kafka_consumer__offset_commit_resume',
    'test_kafka_consumer_max_bytes_one_msg',
    'test_kafka_consumer_max_bytes_simple',
    'test_kafka_consumer_offsets_for_time',
    'test_kafka_consumer_offsets_for_times_errors',
    'test_kafka_consumer_offsets_search_many_partitions',
    'test_kafka_consumer_position_after_seek_to_end',
    'test_kafka_consumer_unsupported_encoding',
    'test_kafka_version_infer',
    'test_paused',
  ].map((t) => `test/integration/test_consumer_integration.py::${t}`),
  ...[
    ...PRODUCER_CODECS.flatMap((c) => [`test_end_to_end[${c}]`, `test_kafka_producer_proper_record_metadata[${c}]`]),
    'test_idempotent_producer',
    'test_idempotent_producer_high_throughput',
    'test_idempotent_producer_max_in_flight[1]',
    'test_idempotent_producer_max_in_flight[2]',
    'test_idempotent_producer_max_in_flight[5]',
    'test_transactional_producer_messages',
    'test_transactional_producer_offsets',
  ].map((t) => `test/integration/test_producer_integration.py::${t}`),
];

interface Suite {
  version: string;
  venv: string;
  /** Test tools beyond the client and its codecs (3.x's pytest config asks for pytest-timeout). */
  tools: string[];
  allow: string[];
  /** How many tests test/integration collects. */
  collected: number;
}

export const SUITES: Suite[] = [
  { version: KAFKA_PYTHON_VERSION, venv: 'py-kafka-python-suite', tools: ['pytest==8.3.5'], allow: ALLOW_2, collected: 49 },
  { version: KAFKA_PYTHON_3_VERSION, venv: 'py-kafka-python-3-suite', tools: ['pytest==8.3.5', 'pytest-timeout==2.4.0'], allow: ALLOW_3, collected: 67 },
];

/** kafka-python's sdist, unpacked once into ~/.cache/sluice, with the two files it lacks. */
async function suiteSource(python: string, version: string): Promise<string> {
  const cache = join(process.env.SLUICE_PYTHON_VENVS ?? join(homedir(), '.cache', 'sluice'), 'src');
  const dir = join(cache, `kafka_python-${version}`);
  if (!existsSync(join(dir, 'test', 'service.py'))) {
    const tmp = join(cache, `.download-${process.pid}`);
    mkdirSync(tmp, { recursive: true });
    try {
      await run(python, ['-m', 'pip', 'download', '-q', '--disable-pip-version-check', '--no-binary', ':all:', '--no-deps', `kafka-python==${version}`, '-d', tmp], { timeoutMs: 300_000 });
      const sdist = readdirSync(tmp).find((f) => f.endsWith('.tar.gz'));
      if (!sdist) throw new Error(`no sdist of kafka-python ${version} on PyPI`);
      await run('tar', ['xzf', join(tmp, sdist), '-C', tmp]);
      const unpacked = join(tmp, `kafka_python-${version}`);
      // The sdist has test/integration but not test/__init__.py (without it `test` is the
      // standard library's package) nor test/service.py.
      writeFileSync(join(unpacked, 'test', '__init__.py'), '');
      copyFileSync(join(here, 'service_shim.py'), join(unpacked, 'test', 'service.py'));
      rmSync(dir, { recursive: true, force: true });
      renameSync(unpacked, dir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return dir;
}

/** Runs pytest to the end and keeps all its output (the verdicts are in the summary at the end). */
async function pytest(python: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return (await runToEnd(python, ['-m', 'pytest', ...args], { cwd, env, timeoutMs: 900_000 })).output;
}

/** pytest's report of one test's failure (its `____ name ____` section), or the output's end. */
function failureReport(output: string, id: string): string {
  const name = id.slice(id.lastIndexOf('::') + 2);
  const start = output.search(new RegExp(`^_+ (?:ERROR at setup of )?${name.replace(/[[\]().*+?^$]/g, '\\$&')} _+$`, 'm'));
  if (start < 0) return output.slice(-6000);
  // The next section starts on a later line (searching from inside the header would find itself).
  const bodyStart = output.indexOf('\n', start) + 1;
  const next = output.slice(bodyStart).search(/^_{5,} .* _{5,}$|^=+ /m);
  return output.slice(start, next < 0 ? undefined : bodyStart + next).slice(0, 12_000);
}

let broker: Broker;
before(async () => {
  // As kafka-python's own test broker config (servers/resources/default/kafka.properties in its
  // repository, not in the sdist): 4 partitions for auto-created topics (the fixture creates
  // topics that way), session timeouts down to 1 s, no initial rebalance delay. Listeners set
  // explicitly, as its KRaft config does (3.x checks their config source). Port 0 in both: the
  // broker binds a free port and advertises the one it bound (a port picked beforehand could be
  // taken by another process first).
  broker = await startBroker({
    port: 0,
    config: { 'num.partitions': '4', 'group.min.session.timeout.ms': '1000', 'group.initial.rebalance.delay.ms': '0', 'advertised.listeners': 'PLAINTEXT://127.0.0.1:0' },
  });
}, { timeout: 60_000 });
after(() => broker?.close());

for (const suite of SUITES) {
  describe(`kafka-python ${suite.version} test/integration`, () => {
    const outcome = new Map<string, string>();
    let output = '';
    /** Allow-listed tests that failed in the full run and were run again. */
    let rerun: string[] = [];
    const passes = (id: string) => outcome.get(id) === 'PASSED' || outcome.get(id) === 'XPASS';

    before(async () => {
      const python = await pythonVenv(suite.venv, [`kafka-python==${suite.version}`, ...CODECS, ...suite.tools]);
      const src = await suiteSource(python, suite.version);
      const env = {
        ...process.env,
        KAFKA_URI: `PLAINTEXT://${broker.bootstrap}`,
        // Gates version-dependent tests, and test_kafka_version_infer expects kafka-python 3 to infer it
        // from ApiVersions: DescribeLogDirs v5, which Sluice serves as Kafka 4.3 does, makes it 4.3.
        KAFKA_VERSION: '4.3.0',
        KAFKA_ROOT: src, // must exist; only used to spawn a broker, which KAFKA_URI avoids
      };
      const run = async (ids: readonly string[]) => {
        output = await pytest(python, ['-p', 'no:cacheprovider', '-q', '-rA', ...ids], src, env);
        for (const m of output.matchAll(/^(PASSED|FAILED|ERROR|XPASS|XFAIL) (\S+)/gm)) outcome.set(m[2]!, m[1]!);
      };
      await run(suite.allow);
      // kafka-python 3.x forgets a subscription made while its first metadata request is in
      // flight (FINDINGS.md), which any of its consumer tests can hit on a busy machine, against
      // Apache Kafka as well. A test that failed runs once more, alone; it must pass then.
      rerun = suite.allow.filter((id) => !passes(id));
      if (rerun.length > 0) {
        process.stderr.write(`kafka-python ${suite.version}: running again what failed once: ${rerun.join(', ')}\n`);
        await run(rerun);
      }
    }, { timeout: 1_200_000 });

    after(() => {
      const result: SuiteResult = {
        suite: `kafka-python ${suite.version.split('.')[0]}.x test/integration`,
        version: `kafka-python ${suite.version} (PyPI sdist)`,
        brokerTests: suite.collected,
        allowListed: suite.allow.length,
        passed: suite.allow.filter(passes),
        failed: suite.allow.filter((id) => !passes(id)),
        rerun,
        findings: 'kafka-python/FINDINGS.md',
      };
      writeResults(`kafka-python-${suite.version}`, result);
    });

    for (const id of suite.allow) {
      test(id.replace('test/integration/', ''), () => {
        // 2.3.3's test_describe_configs_topic_resource_returns_configs is marked xfail upstream
        // (their issue 1929); it passes against Sluice, so XPASS is its pass.
        assert.ok(passes(id), `${id}: ${outcome.get(id) ?? 'NOT RUN'}\n${failureReport(output, id)}`);
      });
    }
  });
}
