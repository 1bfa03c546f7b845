// Generated from Kafka's group-coordinator/LegacyOffsetCommitValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 0, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface LegacyOffsetCommitValue {
  offset: bigint; // versions 0
  metadata: string; // versions 0
  commitTimestamp: bigint; // versions 0
}

export interface LegacyOffsetCommitValueInput {
  offset: bigint; // versions 0
  metadata: string; // versions 0
  commitTimestamp: bigint; // versions 0
}

export function defaultLegacyOffsetCommitValue(): LegacyOffsetCommitValue {
  return { offset: 0n, metadata: "", commitTimestamp: 0n };
}

function writeLegacyOffsetCommitValue(w: Writer, v: LegacyOffsetCommitValueInput, version: number): void {
  const v_offset = v.offset === undefined ? 0n : v.offset;
  w.int64(v_offset);
  const v_metadata = v.metadata === undefined ? "" : v.metadata;
  w.string(nonNull(v_metadata, "LegacyOffsetCommitValue", "metadata", version));
  const v_commitTimestamp = v.commitTimestamp === undefined ? 0n : v.commitTimestamp;
  w.int64(v_commitTimestamp);
}

function readLegacyOffsetCommitValue(r: Reader, version: number): LegacyOffsetCommitValue {
  const f_offset: bigint = r.int64();
  const f_metadata: string = r.string();
  const f_commitTimestamp: bigint = r.int64();
  return { offset: f_offset, metadata: f_metadata, commitTimestamp: f_commitTimestamp };
}

export function encodeLegacyOffsetCommitValue(w: Writer, value: LegacyOffsetCommitValueInput, version: number): void {
  checkVersion("LegacyOffsetCommitValue", version, 0, 0);
  writeLegacyOffsetCommitValue(w, value, version);
}

export function decodeLegacyOffsetCommitValue(r: Reader, version: number): LegacyOffsetCommitValue {
  if (version < 0 || version > 0) r.fail(`LegacyOffsetCommitValue has no version ${version}`);
  return readLegacyOffsetCommitValue(r, version);
}
