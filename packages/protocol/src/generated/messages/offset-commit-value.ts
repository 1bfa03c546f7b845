// Generated from Kafka's group-coordinator/OffsetCommitValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 1, versions 0-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, taggedValue } from '../../primitives/codec-support.ts';

export interface OffsetCommitValue {
  offset: bigint; // versions 0+
  leaderEpoch: number; // versions 3+, ignorable
  metadata: string; // versions 0+
  commitTimestamp: bigint; // versions 0+
  expireTimestamp: bigint; // versions 1, ignorable
  topicId: string; // versions 4+, tag 0 in 4+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitValueInput {
  offset: bigint; // versions 0+
  leaderEpoch?: number; // versions 3+, ignorable
  metadata: string; // versions 0+
  commitTimestamp: bigint; // versions 0+
  expireTimestamp?: bigint; // versions 1, ignorable
  topicId?: string; // versions 4+, tag 0 in 4+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitValue(): OffsetCommitValue {
  return { offset: 0n, leaderEpoch: -1, metadata: "", commitTimestamp: 0n, expireTimestamp: -1n, topicId: ZERO_UUID };
}

function writeOffsetCommitValue(w: Writer, v: OffsetCommitValueInput, version: number): void {
  const v_offset = v.offset === undefined ? 0n : v.offset;
  w.int64(v_offset);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  if (version >= 3) {
    w.int32(v_leaderEpoch);
  }
  const v_metadata = v.metadata === undefined ? "" : v.metadata;
  if (version >= 4) w.compactString(nonNull(v_metadata, "OffsetCommitValue", "metadata", version));
  else w.string(nonNull(v_metadata, "OffsetCommitValue", "metadata", version));
  const v_commitTimestamp = v.commitTimestamp === undefined ? 0n : v.commitTimestamp;
  w.int64(v_commitTimestamp);
  const v_expireTimestamp = v.expireTimestamp === undefined ? -1n : v.expireTimestamp;
  if (version === 1) {
    w.int64(v_expireTimestamp);
  }
  if (version >= 4) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.topicId !== undefined && v.topicId !== ZERO_UUID) {
      const x = v.topicId!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        tw.uuid(x);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readOffsetCommitValue(r: Reader, version: number): OffsetCommitValue {
  const f_offset: bigint = r.int64();
  const f_leaderEpoch: number = version >= 3 ? r.int32() : -1;
  const f_metadata: string = (version >= 4 ? r.compactString() : r.string());
  const f_commitTimestamp: bigint = r.int64();
  const f_expireTimestamp: bigint = version === 1 ? r.int64() : -1n;
  let f_topicId: string = ZERO_UUID;
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_topicId = tr.uuid();
          return true;
        default:
          return false;
      }
    });
  }
  const value: OffsetCommitValue = { offset: f_offset, leaderEpoch: f_leaderEpoch, metadata: f_metadata, commitTimestamp: f_commitTimestamp, expireTimestamp: f_expireTimestamp, topicId: f_topicId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetCommitValue(w: Writer, value: OffsetCommitValueInput, version: number): void {
  checkVersion("OffsetCommitValue", version, 0, 4);
  writeOffsetCommitValue(w, value, version);
}

export function decodeOffsetCommitValue(r: Reader, version: number): OffsetCommitValue {
  if (version < 0 || version > 4) r.fail(`OffsetCommitValue has no version ${version}`);
  return readOffsetCommitValue(r, version);
}
