// Kafka's own kafka-acls (org.apache.kafka.tools.AclCommand 4.3.1) adds, lists and removes ACLs
// on Sluice with the output it gives on Apache Kafka 4.3.1: the same commands on both brokers,
// each with Kafka's StandardAuthorizer and the plaintext client (User:ANONYMOUS) as super user,
// the expected output being what Kafka's run printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { runKafkaTool, startApacheKafka, type ApacheKafka } from '@sluice/test-kit';

const AUTHORIZER = { 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'super.users': 'User:ANONYMOUS' };

let sluice: Broker;
let kafka: ApacheKafka;

before(async () => {
  // Each broker is kept as soon as it is up, so that `after` stops it even when the other failed
  // to start (a Sluice broker left listening keeps this file's process, and the run, waiting for ever).
  const started = await Promise.allSettled([startBroker({ port: 0, config: AUTHORIZER }).then((b) => (sluice = b)), startApacheKafka({ config: AUTHORIZER }).then((k) => (kafka = k))]);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
}, { timeout: 300_000 });

after(async () => {
  await Promise.allSettled([sluice?.close(), kafka?.stop()]);
});

// Each step in order on one broker; the output of each is compared with the other broker's.
const STEPS: string[][] = [
  ['--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--operation', 'Write', '--topic', 'orders'],
  ['--add', '--deny-principal', 'User:bob', '--allow-host', '*', '--deny-host', '10.0.0.9', '--operation', 'Describe', '--topic', 'pub-', '--resource-pattern-type', 'prefixed'],
  ['--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--group', 'billing'],
  ['--add', '--allow-principal', 'User:alice', '--producer', '--topic', 'orders', '--transactional-id', 'tx-a'],
  ['--list'],
  ['--list', '--topic', 'orders'],
  ['--list', '--principal', 'User:alice'],
  ['--remove', '--force', '--allow-principal', 'User:alice', '--operation', 'Write', '--topic', 'orders'],
  ['--remove', '--force', '--group', 'billing'],
  ['--list'],
  ['--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--cluster', '--topic', 'x'],
];

/**
 * The lines of a tool's output, each block of ACLs sorted: AclCommand prints a resource's ACLs
 * from a Java set, whose order is not part of its contract; everything else is kept as printed.
 */
function normalised(stdout: string): string {
  return stdout
    .split(/\n(?=\S)/)
    .map((block) => {
      const [head, ...lines] = block.split('\n');
      return [head, ...lines.filter((l) => l.trim() !== '').sort()].join('\n');
    })
    .sort()
    .join('\n');
}

test('kafka-acls adds, lists and removes ACLs on Sluice as on Apache Kafka 4.3.1', { timeout: 900_000 }, async () => {
  for (const step of STEPS) {
    const [onKafka, onSluice] = [
      await runKafkaTool('org.apache.kafka.tools.AclCommand', ['--bootstrap-server', kafka.bootstrap, ...step]),
      await runKafkaTool('org.apache.kafka.tools.AclCommand', ['--bootstrap-server', sluice.bootstrap, ...step]),
    ];
    const label = `kafka-acls ${step.join(' ')}`;
    assert.equal(onSluice.code, onKafka.code, `${label}: exit code\nKafka: ${onKafka.stdout}${onKafka.stderr}\nSluice: ${onSluice.stdout}${onSluice.stderr}`);
    assert.equal(normalised(onSluice.stdout), normalised(onKafka.stdout), `${label}: output`);
    // Not two failures compared: every step but the last (which the tool itself refuses) succeeds, and each list shows ACLs.
    if (step !== STEPS[STEPS.length - 1]) assert.equal(onKafka.code, 0, `${label} on Kafka: ${onKafka.stderr}`);
    if (step[0] === '--list') assert.match(onKafka.stdout, /Current ACLs for resource `ResourcePattern\(resourceType=TOPIC, name=orders/);
    if (onKafka.code !== 0) assert.equal(onSluice.stderr.trim().split('\n')[0], onKafka.stderr.trim().split('\n')[0], `${label}: error`);
  }
});
