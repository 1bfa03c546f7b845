/**
 * Heartbeat (key 12), versions 0-4. v1: throttle time; v3: group.instance.id; v4: flexible.
 */
import { Apis } from '@sluice/protocol';
import { defineHandler } from './handler.js';

export const heartbeatHandler = defineHandler({
  api: Apis.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle({ broker }, request) {
    return { throttleTimeMs: 0, errorCode: broker.groups.heartbeat(request.groupId, request.memberId, request.groupInstanceId, request.generationId) };
  },
});
