// The command line without a cluster: every --help exits 0 with its usage on stdout, and every
// usage error exits 2 with one line on stderr that names what is wrong and points at --help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { main } from '../src/main.ts';
import { CLUSTER_COMMAND } from '../src/cluster-command.ts';
import { GROUP_COMMAND } from '../src/group-command.ts';
import { TOPIC_COMMAND } from '../src/topic-command.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  // Nothing listens on port 1: a test that reached the network would fail, not hang.
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stdin: Readable.from([]), env: { KAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:1' } });
  return { code, stdout, stderr };
}

test('sluice, every command and every action print their usage for --help and -h, and exit 0', async () => {
  for (const args of [['help'], ['--help'], ['-h']]) {
    const r = await run(args);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: sluice <command>/);
    assert.match(r.stdout, /cluster\s+the cluster id/);
  }
  for (const command of ['broker', 'topic', 'produce', 'consume', 'group', 'cluster']) {
    for (const flag of ['--help', '-h']) {
      // --help wins over anything else on the line, even an unknown option.
      const r = await run([command, '--frobnicate', flag]);
      assert.equal(r.code, 0, `${command} ${flag}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: sluice ${command}`), command);
      assert.equal(r.stderr, '');
    }
  }
  for (const command of [TOPIC_COMMAND, GROUP_COMMAND, CLUSTER_COMMAND]) {
    for (const action of Object.keys(command.actions)) {
      // --help wins over anything else on the line, even a missing argument or an unknown option.
      const r = await run([command.name, action, '--frobnicate', '--help']);
      assert.equal(r.code, 0, `${command.name} ${action}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: sluice ${command.name} ${action}\\b`));
      assert.match(r.stdout, /--bootstrap-server/);
    }
    assert.equal((await run([command.name, 'help'])).code, 0);
  }
});

test('usage errors exit 2 with one line naming the problem and the --help to read', async () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /^sluice: unknown command 'frobnicate'; the commands are broker, topic, produce, consume, group, cluster, user, connect \(see 'sluice --help'\)\n$/],
    [['topic', 'create', 'orders', '--frobnicate'], /^sluice topic create: unknown option --frobnicate \(see 'sluice topic create --help'\)\n$/],
    [['topic', 'create'], /^sluice topic create: missing a topic name \(see 'sluice topic create --help'\)\n$/],
    [['topic', 'create', 'a', 'b'], /^sluice topic create: unexpected argument 'b' /],
    [['topic', 'create', 'orders', '--partitions'], /^sluice topic create: option --partitions needs a value /],
    [['topic', 'create', 'orders', '--partitions', '0'], /^sluice topic create: --partitions must be a whole number of at least 1, got "0" /],
    [['topic', 'create', 'orders', '--config', 'retention.ms'], /^sluice topic create: --config expects key=value, got "retention.ms" /],
    [['topic', 'list', '--internal=yes'], /^sluice topic list: option --internal takes no value /],
    [['topic', 'frobnicate'], /^sluice topic: unknown topic action 'frobnicate'; the actions are create, list, describe, delete, alter, describe-config, alter-config \(see 'sluice topic --help'\)\n$/],
    [['topic', 'alter-config', 'orders'], /^sluice topic alter-config: topic alter-config needs --set, --delete, --append or --subtract /],
    [['topic', 'alter-config', 'orders', '--set', 'x'], /^sluice topic alter-config: --set expects key=value/],
    [['group', 'describe'], /^sluice group describe: missing a group id /],
    [['group', 'reset-offsets', 'g', '--to-earliest'], /^sluice group reset-offsets: give --topic T \(repeatable\) or --all-topics /],
    [['group', 'reset-offsets', 'g', '--topic', 't'], /^sluice group reset-offsets: give exactly one of --to-earliest, /],
    [['group', 'reset-offsets', 'g', '--topic', 't', '--to-earliest', '--to-latest'], /\(got --to-earliest, --to-latest\)/],
    [['group', 'reset-offsets', 'g', '--topic', 't', '--by-duration', 'soon'], /--by-duration: cannot read "soon" as a duration/],
    [['group', 'reset-offsets', 'g', '--topic', 't:0,x', '--to-earliest'], /partitions are whole numbers separated by commas/],
    [['group', 'reset-offsets', 'g', '--topic', 't', '--to-offset', '-3'], /--to-offset must be a whole number of at least 0, got "-3"/],
    [['cluster', 'info', 'extra'], /^sluice cluster info: unexpected argument 'extra' /],
    // A bad broker setting (ConfigError, code INVALID_CONFIG) is refused before anything starts.
    [['broker', '--set', 'num.partitions=abc', '--port', '1'], /^sluice broker: Invalid value "abc" for configuration num.partitions: expected a whole number\n$/],
    [['consume'], /^sluice consume: missing a topic \(see 'sluice consume --help'\)\n$/],
    [['consume', 't', '--offset', '1'], /--offset needs --partition/],
    [['consume', 't', '-p', '0', '--offset', '1', '--from-time', '0'], /^sluice consume: give one place to start, not --offset and --from-time /],
    [['consume', 't', '--format', 'jsn'], /--format must be text, json or a template/],
    [['consume', 't', '-n', 'lots'], /--max-messages must be a whole number of at least 1, got "lots"/],
    [['consume', 't', '--group', 'g', '--partition', '0'], /--group consumes what the group is assigned/],
    [['produce', 't', '--acks', '2'], /^sluice produce: --acks must be all, 1 or 0, got "2" /],
    [['produce', 't', '--compression', 'brotli'], /--compression must be one of none, gzip, snappy, lz4, zstd/],
    [['produce', 't', '--connect-timeout', '0'], /--connect-timeout must be a whole number of at least 1/],
    [['broker', '--port', 'x'], /^sluice broker: --port must be a number from 0 to 65535, got "x" /],
    [['broker', 'extra'], /^sluice broker: unexpected argument 'extra' /],
  ];
  for (const [args, expected] of cases) {
    const r = await run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, expected, args.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
  }
});

test('without a command or an action: the usage on stderr, exit 2', async () => {
  for (const args of [[], ['topic'], ['group'], ['cluster']]) {
    const r = await run(args);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Usage: sluice/);
    assert.equal(r.stdout, '');
  }
});
