// Generated from Kafka's group-coordinator/ConsumerGroupRegularExpressionKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 16, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupRegularExpressionKey {
  groupId: string; // versions 0
  regularExpression: string; // versions 0
}

export interface ConsumerGroupRegularExpressionKeyInput {
  groupId: string; // versions 0
  regularExpression: string; // versions 0
}

export function defaultConsumerGroupRegularExpressionKey(): ConsumerGroupRegularExpressionKey {
  return { groupId: "", regularExpression: "" };
}

function writeConsumerGroupRegularExpressionKey(w: Writer, v: ConsumerGroupRegularExpressionKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupRegularExpressionKey", "groupId", version));
  const v_regularExpression = v.regularExpression === undefined ? "" : v.regularExpression;
  w.string(nonNull(v_regularExpression, "ConsumerGroupRegularExpressionKey", "regularExpression", version));
}

function readConsumerGroupRegularExpressionKey(r: Reader, version: number): ConsumerGroupRegularExpressionKey {
  const f_groupId: string = r.string();
  const f_regularExpression: string = r.string();
  return { groupId: f_groupId, regularExpression: f_regularExpression };
}

export function encodeConsumerGroupRegularExpressionKey(w: Writer, value: ConsumerGroupRegularExpressionKeyInput, version: number): void {
  checkVersion("ConsumerGroupRegularExpressionKey", version, 0, 0);
  writeConsumerGroupRegularExpressionKey(w, value, version);
}

export function decodeConsumerGroupRegularExpressionKey(r: Reader, version: number): ConsumerGroupRegularExpressionKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupRegularExpressionKey has no version ${version}`);
  return readConsumerGroupRegularExpressionKey(r, version);
}
