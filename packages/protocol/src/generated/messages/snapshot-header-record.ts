// Generated from Kafka's clients/SnapshotHeaderRecord.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface SnapshotHeaderRecord {
  version: number; // versions 0+
  lastContainedLogTimestamp: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SnapshotHeaderRecordInput {
  version: number; // versions 0+
  lastContainedLogTimestamp: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSnapshotHeaderRecord(): SnapshotHeaderRecord {
  return { version: 0, lastContainedLogTimestamp: 0n };
}

function writeSnapshotHeaderRecord(w: Writer, v: SnapshotHeaderRecordInput, version: number): void {
  const v_version = v.version === undefined ? 0 : v.version;
  w.int16(v_version);
  const v_lastContainedLogTimestamp = v.lastContainedLogTimestamp === undefined ? 0n : v.lastContainedLogTimestamp;
  w.int64(v_lastContainedLogTimestamp);
  w.taggedFields(v._unknownTaggedFields);
}

function readSnapshotHeaderRecord(r: Reader, version: number): SnapshotHeaderRecord {
  const f_version: number = r.int16();
  const f_lastContainedLogTimestamp: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: SnapshotHeaderRecord = { version: f_version, lastContainedLogTimestamp: f_lastContainedLogTimestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeSnapshotHeaderRecord(w: Writer, value: SnapshotHeaderRecordInput, version: number): void {
  checkVersion("SnapshotHeaderRecord", version, 0, 0);
  writeSnapshotHeaderRecord(w, value, version);
}

export function decodeSnapshotHeaderRecord(r: Reader, version: number): SnapshotHeaderRecord {
  if (version < 0 || version > 0) r.fail(`SnapshotHeaderRecord has no version ${version}`);
  return readSnapshotHeaderRecord(r, version);
}
