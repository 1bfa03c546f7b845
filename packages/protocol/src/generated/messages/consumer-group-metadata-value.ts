// Generated from Kafka's group-coordinator/ConsumerGroupMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 3, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, taggedValue } from '../../primitives/codec-support.ts';

export interface ConsumerGroupMetadataValue {
  epoch: number; // versions 0+
  metadataHash: bigint; // versions 0+, tag 0 in 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupMetadataValueInput {
  epoch: number; // versions 0+
  metadataHash?: bigint; // versions 0+, tag 0 in 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupMetadataValue(): ConsumerGroupMetadataValue {
  return { epoch: 0, metadataHash: 0n };
}

function writeConsumerGroupMetadataValue(w: Writer, v: ConsumerGroupMetadataValueInput, version: number): void {
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.metadataHash !== undefined && v.metadataHash !== 0n) {
    const x = v.metadataHash!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      tw.int64(x);
    }));
  }
  w.taggedFields(tagged);
}

function readConsumerGroupMetadataValue(r: Reader, version: number): ConsumerGroupMetadataValue {
  const f_epoch: number = r.int32();
  let f_metadataHash: bigint = 0n;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_metadataHash = tr.int64();
        return true;
      default:
        return false;
    }
  });
  const value: ConsumerGroupMetadataValue = { epoch: f_epoch, metadataHash: f_metadataHash };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupMetadataValue(w: Writer, value: ConsumerGroupMetadataValueInput, version: number): void {
  checkVersion("ConsumerGroupMetadataValue", version, 0, 0);
  writeConsumerGroupMetadataValue(w, value, version);
}

export function decodeConsumerGroupMetadataValue(r: Reader, version: number): ConsumerGroupMetadataValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupMetadataValue has no version ${version}`);
  return readConsumerGroupMetadataValue(r, version);
}
