// Generated from Kafka's clients/KRaftVersionRecord.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface KRaftVersionRecord {
  version: number; // versions 0+
  kRaftVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface KRaftVersionRecordInput {
  version: number; // versions 0+
  kRaftVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultKRaftVersionRecord(): KRaftVersionRecord {
  return { version: 0, kRaftVersion: 0 };
}

function writeKRaftVersionRecord(w: Writer, v: KRaftVersionRecordInput, version: number): void {
  const v_version = v.version === undefined ? 0 : v.version;
  w.int16(v_version);
  const v_kRaftVersion = v.kRaftVersion === undefined ? 0 : v.kRaftVersion;
  w.int16(v_kRaftVersion);
  w.taggedFields(v._unknownTaggedFields);
}

function readKRaftVersionRecord(r: Reader, version: number): KRaftVersionRecord {
  const f_version: number = r.int16();
  const f_kRaftVersion: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: KRaftVersionRecord = { version: f_version, kRaftVersion: f_kRaftVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeKRaftVersionRecord(w: Writer, value: KRaftVersionRecordInput, version: number): void {
  checkVersion("KRaftVersionRecord", version, 0, 0);
  writeKRaftVersionRecord(w, value, version);
}

export function decodeKRaftVersionRecord(r: Reader, version: number): KRaftVersionRecord {
  if (version < 0 || version > 0) r.fail(`KRaftVersionRecord has no version ${version}`);
  return readKRaftVersionRecord(r, version);
}
