// The metadata a Sluice task commits with each input offset must be what Kafka Streams 4.3.1
// writes and reads (its TopicPartitionMetadata and ProcessorMetadata, run in one JVM through
// tests/streams/java/.../CommitMetadataCodec.java), so a Java instance taking over a Sluice
// application's offsets, or the other way round, restores the partition time and onWindowClose's
// last emitted close time: the same bytes for the same values, each side reading the other's, and
// foreign or broken metadata read as Java reads it (Sluice's null: start without it, as Java's
// unknown partition time and empty processor metadata).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mavenProjectClasspath } from '@sluice/test-kit';
import { decodeCommitMetadata, encodeCommitMetadata } from '../src/runtime/commit-metadata.ts';

const exec = promisify(execFile);

async function java(args: string[]): Promise<string[]> {
  const cp = await mavenProjectClasspath(fileURLToPath(new URL('../../../tests/streams/java', import.meta.url)));
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.streams.CommitMetadataCodec', ...args], { timeout: 300_000 });
  return stdout.trim().split('\n');
}

/** Sluice's reading of `text` in the Java program's output form. */
function sluiceReads(text: string, keys: string[]): string {
  const d = decodeCommitMetadata(text);
  return `${d?.partitionTime ?? -1}|${keys.map((k) => `${k}=${d?.processorMetadata.get(k) ?? null}`).join(',')}`;
}

function bytes(build: (b: Buffer) => void, length: number): string {
  const b = Buffer.alloc(length);
  build(b);
  return b.toString('base64');
}

test("commit metadata: Sluice's bytes are Kafka Streams 4.3.1's, and each reads the other's", { timeout: 600_000 }, async () => {
  const encodes: [number, [string, number][]][] = [
    [1_767_225_600_123, [['counts', 1_767_225_590_000]]],
    [-1, []],
    [0, [['KSTREAM-AGGREGATE-STATE-STORE-0000000001', 42]]],
    [9_007_199_254_740_991, [['größe-ü', -1]]],
  ];
  const multi: [string, number][] = [['a', 1], ['sessions', 2_000], ['windows', -5]];
  // Java's HashMap orders the entries its own way: compared by what each side reads, not byte for byte.
  const sluiceMulti = encodeCommitMetadata(77, new Map(multi));
  const hostile = [
    // entry count 2^31-1, key length -12: Java fails the read at once and keeps the partition time
    bytes((b) => (b.writeInt8(2, 0), b.writeBigInt64BE(5n, 1), b.writeInt32BE(0x7fffffff, 9), b.writeInt32BE(-12, 13)), 25),
    bytes((b) => (b.writeInt8(2, 0), b.writeBigInt64BE(7n, 1)), 11), // a count cut short
    bytes((b) => (b.writeInt8(1, 0), b.writeBigInt64BE(42n, 1)), 9), // version 1
    bytes((b) => (b.writeInt8(3, 0), b.writeBigInt64BE(42n, 1)), 9), // a newer version
    'Ahoy-mate-checkpoint-17', // another client's text that Node's lenient base64 would read as version 2
    'AgAAAAAAAAAB', // version 2 cut short of its partition time
  ];
  const lines = await java([
    ...encodes.map(([time, entries]) => `encode|${time}|${entries.map(([k, v]) => `${k}=${v}`).join(',')}`),
    `encode|77|${multi.map(([k, v]) => `${k}=${v}`).join(',')}`,
    ...encodes.map(([time, entries]) => `decode|${encodeCommitMetadata(time, new Map(entries))}|${entries.map(([k]) => k).join(',')}`),
    `decode|${sluiceMulti}|a,sessions,windows,absent`,
    ...hostile.map((text) => `decode|${text}|counts`),
  ]);
  const javaEncoded = lines.slice(0, encodes.length);
  const javaMulti = lines[encodes.length];
  const javaReadsSluice = lines.slice(encodes.length + 1, 2 * encodes.length + 1);
  const javaReadsSluiceMulti = lines[2 * encodes.length + 1];
  const javaReadsHostile = lines.slice(2 * encodes.length + 2);

  encodes.forEach(([time, entries], i) => {
    assert.equal(encodeCommitMetadata(time, new Map(entries)), javaEncoded[i], `Java's bytes for ${time} ${JSON.stringify(entries)}`);
    assert.equal(javaReadsSluice[i], `${time}|${entries.map(([k, v]) => `${k}=${v}`).join(',')}`, 'Java reads Sluice');
  });
  assert.equal(sluiceReads(javaMulti, ['a', 'sessions', 'windows', 'absent']), '77|a=1,sessions=2000,windows=-5,absent=null', "Sluice reads Java's entries");
  assert.equal(javaReadsSluiceMulti, '77|a=1,sessions=2000,windows=-5,absent=null', "Java reads Sluice's entries");
  hostile.forEach((text, i) => assert.equal(sluiceReads(text, ['counts']), javaReadsHostile[i], `read as Java reads ${text}`));
});
