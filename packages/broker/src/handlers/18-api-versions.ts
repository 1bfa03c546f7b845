/**
 * ApiVersions (key 18), versions 0-4.
 * v1 adds throttle time; v3 is flexible and carries the client's software name and version
 * (KIP-511) and the feature tags; v4 only signals that the client understands an
 * UNSUPPORTED_VERSION answer listing our range. What we advertise is read from the handler
 * registry, so it is exactly what we serve. A request at a version above ours is answered by the
 * dispatcher with a v0 error response (see unsupportedApiVersionsResponse).
 *
 * From v3 the client's software name and version must be what Kafka accepts (letters, digits, '-'
 * and '.', starting and ending with a letter or digit; so not empty): otherwise INVALID_REQUEST
 * with no versions, as from Kafka.
 *
 * From v3 the answer also carries the features (KIP-584) of a one-node Kafka 4.3.1 cluster
 * (features.ts) at their finalized levels (feature-store.ts: transaction.version starts at the
 * broker setting `transaction.version`; UpdateFeatures changes them). Java clients keep finalized
 * features only from an answer whose epoch is above the highest they have seen, starting from -1,
 * so the epoch is never negative and grows with every change and restart.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { supportedFeatures } from '../features.ts';
import { defineHandler, type Handler } from './handler.ts';

export function advertisedVersions(handlers: readonly Handler[]) {
  return handlers
    .map((h) => ({ apiKey: h.api.apiKey, minVersion: h.advertisedMinVersion ?? h.minVersion, maxVersion: h.maxVersion }))
    .sort((a, b) => a.apiKey - b.apiKey);
}

const SOFTWARE_NAME_OR_VERSION = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

export const apiVersionsHandler = defineHandler({
  api: Apis.ApiVersions,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, request) {
    if (ctx.version >= 3 && !(SOFTWARE_NAME_OR_VERSION.test(request.clientSoftwareName) && SOFTWARE_NAME_OR_VERSION.test(request.clientSoftwareVersion))) {
      return { errorCode: ErrorCode.INVALID_REQUEST, apiKeys: [], throttleTimeMs: 0 };
    }
    return {
      errorCode: ErrorCode.NONE,
      apiKeys: ctx.broker.advertisedApis,
      throttleTimeMs: 0,
      ...(ctx.version >= 3
        ? {
            supportedFeatures: supportedFeatures(ctx.version),
            finalizedFeaturesEpoch: ctx.broker.features.epoch,
            finalizedFeatures: ctx.broker.features.finalized(),
          }
        : {}),
    };
  },
});

/** KIP-511: a version we do not know gets a v0 answer with our ApiVersions range. */
export function unsupportedApiVersionsResponse() {
  return {
    errorCode: ErrorCode.UNSUPPORTED_VERSION,
    apiKeys: [{ apiKey: Apis.ApiVersions.apiKey, minVersion: apiVersionsHandler.minVersion, maxVersion: apiVersionsHandler.maxVersion }],
  };
}
