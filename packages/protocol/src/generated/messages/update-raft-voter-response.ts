// Generated from Kafka's clients/UpdateRaftVoterResponse.json by packages/protocol/generator. Do not edit.
// response 82, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, isDefaultValue, nonNull, taggedValue } from '../../primitives/codec-support.ts';

export interface UpdateRaftVoterResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  currentLeader: UpdateRaftVoterResponseCurrentLeader; // versions 0+, tag 0 in 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  currentLeader?: UpdateRaftVoterResponseCurrentLeaderInput; // versions 0+, tag 0 in 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterResponseCurrentLeader {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterResponseCurrentLeaderInput {
  leaderId?: number; // versions 0+
  leaderEpoch?: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterResponse(): UpdateRaftVoterResponse {
  return { throttleTimeMs: 0, errorCode: 0, currentLeader: defaultUpdateRaftVoterResponseCurrentLeader() };
}

export function defaultUpdateRaftVoterResponseCurrentLeader(): UpdateRaftVoterResponseCurrentLeader {
  return { leaderId: -1, leaderEpoch: -1, host: "", port: 0 };
}

function writeUpdateRaftVoterResponse(w: Writer, v: UpdateRaftVoterResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.currentLeader !== undefined && (v.currentLeader === null || !isDefaultValue(v.currentLeader, defaultUpdateRaftVoterResponseCurrentLeader()))) {
    const x = v.currentLeader!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeUpdateRaftVoterResponseCurrentLeader(tw, nonNull(x, "UpdateRaftVoterResponse", "currentLeader", version), version);
    }));
  }
  w.taggedFields(tagged);
}

function readUpdateRaftVoterResponse(r: Reader, version: number): UpdateRaftVoterResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  let f_currentLeader: UpdateRaftVoterResponseCurrentLeader = defaultUpdateRaftVoterResponseCurrentLeader();
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_currentLeader = readUpdateRaftVoterResponseCurrentLeader(tr, version);
        return true;
      default:
        return false;
    }
  });
  const value: UpdateRaftVoterResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, currentLeader: f_currentLeader };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeUpdateRaftVoterResponseCurrentLeader(w: Writer, v: UpdateRaftVoterResponseCurrentLeaderInput, version: number): void {
  const v_leaderId = v.leaderId === undefined ? -1 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "UpdateRaftVoterResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateRaftVoterResponseCurrentLeader(r: Reader, version: number): UpdateRaftVoterResponseCurrentLeader {
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: UpdateRaftVoterResponseCurrentLeader = { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeUpdateRaftVoterResponse(w: Writer, value: UpdateRaftVoterResponseInput, version: number): void {
  checkVersion("UpdateRaftVoterResponse", version, 0, 0);
  writeUpdateRaftVoterResponse(w, value, version);
}

export function decodeUpdateRaftVoterResponse(r: Reader, version: number): UpdateRaftVoterResponse {
  if (version < 0 || version > 0) r.fail(`UpdateRaftVoterResponse has no version ${version}`);
  return readUpdateRaftVoterResponse(r, version);
}
