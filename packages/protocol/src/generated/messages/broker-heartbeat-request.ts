// Generated from Kafka's clients/BrokerHeartbeatRequest.json by packages/protocol/generator. Do not edit.
// request 63, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, readUuid, taggedValue, unsupportedField, writeArray, writeNullableArray, writeUuid } from '../../primitives/codec-support.ts';

export interface BrokerHeartbeatRequest {
  brokerId: number; // versions 0+
  brokerEpoch: bigint; // versions 0+
  currentMetadataOffset: bigint; // versions 0+
  wantFence: boolean; // versions 0+
  wantShutDown: boolean; // versions 0+
  offlineLogDirs: string[]; // versions 1+, tag 0 in 1+
  cordonedLogDirs: string[] | null; // versions 2+, tag 1 in 2+, nullable 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerHeartbeatRequestInput {
  brokerId: number; // versions 0+
  brokerEpoch?: bigint; // versions 0+
  currentMetadataOffset: bigint; // versions 0+
  wantFence: boolean; // versions 0+
  wantShutDown: boolean; // versions 0+
  offlineLogDirs?: readonly string[]; // versions 1+, tag 0 in 1+
  cordonedLogDirs?: readonly string[] | null; // versions 2+, tag 1 in 2+, nullable 2+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerHeartbeatRequest(): BrokerHeartbeatRequest {
  return { brokerId: 0, brokerEpoch: -1n, currentMetadataOffset: 0n, wantFence: false, wantShutDown: false, offlineLogDirs: [], cordonedLogDirs: null };
}

function writeBrokerHeartbeatRequest(w: Writer, v: BrokerHeartbeatRequestInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_brokerEpoch = v.brokerEpoch === undefined ? -1n : v.brokerEpoch;
  w.int64(v_brokerEpoch);
  const v_currentMetadataOffset = v.currentMetadataOffset === undefined ? 0n : v.currentMetadataOffset;
  w.int64(v_currentMetadataOffset);
  const v_wantFence = v.wantFence === undefined ? false : v.wantFence;
  w.bool(v_wantFence);
  const v_wantShutDown = v.wantShutDown === undefined ? false : v.wantShutDown;
  w.bool(v_wantShutDown);
  if (!(version >= 1) && v.offlineLogDirs !== undefined && (v.offlineLogDirs === null || v.offlineLogDirs.length > 0)) unsupportedField("BrokerHeartbeatRequest", "offlineLogDirs", version);
  if (!(version >= 2) && v.cordonedLogDirs != null) unsupportedField("BrokerHeartbeatRequest", "cordonedLogDirs", version);
  let tagged = v._unknownTaggedFields?.slice();
  if (version >= 1 && v.offlineLogDirs !== undefined && (v.offlineLogDirs === null || v.offlineLogDirs.length > 0)) {
    const x = v.offlineLogDirs!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeArray(tw, true, nonNull(x, "BrokerHeartbeatRequest", "offlineLogDirs", version), writeUuid);
    }));
  }
  if (version >= 2 && v.cordonedLogDirs != null) {
    const x = v.cordonedLogDirs!;
    (tagged ??= []).push(taggedValue(1, (tw) => {
      writeNullableArray(tw, true, x, writeUuid);
    }));
  }
  w.taggedFields(tagged);
}

function readBrokerHeartbeatRequest(r: Reader, version: number): BrokerHeartbeatRequest {
  const f_brokerId: number = r.int32();
  const f_brokerEpoch: bigint = r.int64();
  const f_currentMetadataOffset: bigint = r.int64();
  const f_wantFence: boolean = r.bool();
  const f_wantShutDown: boolean = r.bool();
  let f_offlineLogDirs: string[] = [];
  let f_cordonedLogDirs: string[] | null = null;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        if (!(version >= 1)) return false;
        f_offlineLogDirs = readArray(tr, true, 16, readUuid);
        return true;
      case 1:
        if (!(version >= 2)) return false;
        f_cordonedLogDirs = readNullableArray(tr, true, 16, readUuid);
        return true;
      default:
        return false;
    }
  });
  const value: BrokerHeartbeatRequest = { brokerId: f_brokerId, brokerEpoch: f_brokerEpoch, currentMetadataOffset: f_currentMetadataOffset, wantFence: f_wantFence, wantShutDown: f_wantShutDown, offlineLogDirs: f_offlineLogDirs, cordonedLogDirs: f_cordonedLogDirs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeBrokerHeartbeatRequest(w: Writer, value: BrokerHeartbeatRequestInput, version: number): void {
  checkVersion("BrokerHeartbeatRequest", version, 0, 2);
  writeBrokerHeartbeatRequest(w, value, version);
}

export function decodeBrokerHeartbeatRequest(r: Reader, version: number): BrokerHeartbeatRequest {
  if (version < 0 || version > 2) r.fail(`BrokerHeartbeatRequest has no version ${version}`);
  return readBrokerHeartbeatRequest(r, version);
}
