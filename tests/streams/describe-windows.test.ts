// describe() of the windowed topologies (windows, session windows, suppression) against Kafka
// Streams 4.3.1 itself: tests/streams/java/.../WindowTopologies.java prints the
// TopologyDescription of each reference topology of the windows differential test; the Sluice
// twins (window-topologies.ts) must print the same text, character for character: processor,
// store and suppression-buffer names, and the order of nodes and arrows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mavenProjectClasspath } from '@sluice/test-kit';
import { sluiceTopology, windowTopologyNames } from './window-topologies.ts';

const exec = promisify(execFile);
const javaProject = fileURLToPath(new URL('./java', import.meta.url));

test('describe() of every windowed topology is Java 4.3.1\'s', async () => {
  const cp = await mavenProjectClasspath(javaProject);
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.streams.WindowTopologies', 'describe'], { maxBuffer: 1 << 24, timeout: 300_000 });
  const java = stdout.split('----\n').filter((s) => s.length > 0);
  const names = windowTopologyNames();
  assert.equal(java.length, names.length, 'one description per topology');
  for (const [i, name] of names.entries()) {
    assert.equal(sluiceTopology(name, 'out', 'in').describe().toString(), java[i], `describe() of ${name}`);
  }
});
