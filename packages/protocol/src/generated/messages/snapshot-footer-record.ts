// Generated from Kafka's clients/SnapshotFooterRecord.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface SnapshotFooterRecord {
  version: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SnapshotFooterRecordInput {
  version: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSnapshotFooterRecord(): SnapshotFooterRecord {
  return { version: 0 };
}

function writeSnapshotFooterRecord(w: Writer, v: SnapshotFooterRecordInput, version: number): void {
  const v_version = v.version === undefined ? 0 : v.version;
  w.int16(v_version);
  w.taggedFields(v._unknownTaggedFields);
}

function readSnapshotFooterRecord(r: Reader, version: number): SnapshotFooterRecord {
  const f_version: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: SnapshotFooterRecord = { version: f_version };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeSnapshotFooterRecord(w: Writer, value: SnapshotFooterRecordInput, version: number): void {
  checkVersion("SnapshotFooterRecord", version, 0, 0);
  writeSnapshotFooterRecord(w, value, version);
}

export function decodeSnapshotFooterRecord(r: Reader, version: number): SnapshotFooterRecord {
  if (version < 0 || version > 0) r.fail(`SnapshotFooterRecord has no version ${version}`);
  return readSnapshotFooterRecord(r, version);
}
