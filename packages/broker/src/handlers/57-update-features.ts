/**
 * UpdateFeatures (key 57), versions 0-2, answered as a one-node Kafka 4.3.1 KRaft cluster answers
 * kafka-features upgrade, downgrade and disable: the decisions are feature-updates.ts's, the levels
 * are stored durably (feature-store.ts) before the answer and then reported in ApiVersions with a
 * higher epoch. Needs ALTER on the cluster. v0 says a downgrade with AllowDowngrade (a safe one);
 * v0-1 list each feature's success; a refusal is the top-level error alone (v2 has no list), as Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import { UpgradeType, decideFeatureUpdates } from '../feature-updates.ts';
import { authorizedOnCluster } from './authorize.ts';
import { errorCodeOf, messageOf } from './errors.ts';
import { defineHandler } from './handler.ts';

export const updateFeaturesHandler = defineHandler({
  api: Apis.UpdateFeatures,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const answer = (errorCode: number, errorMessage: string | null) => ({
      throttleTimeMs: 0,
      errorCode,
      errorMessage,
      // v0-1 list each feature's success; a refusal is the top-level error alone, as Kafka answers it.
      results: ctx.version < 2 && errorCode === ErrorCode.NONE ? request.featureUpdates.map((u) => ({ feature: u.feature, errorCode, errorMessage })) : [],
    });
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return answer(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, null);
    const features = ctx.broker.features;
    const updates = request.featureUpdates.map((u) => ({
      feature: u.feature,
      level: u.maxVersionLevel,
      upgradeType: ctx.version === 0 ? (u.allowDowngrade ? UpgradeType.SAFE_DOWNGRADE : UpgradeType.UPGRADE) : u.upgradeType,
    }));
    let decision;
    try {
      // Decided in turn with the other updates, against the levels the one before left.
      decision = await features.update((level) => {
        const d = decideFeatureUpdates(updates, level, ctx.broker.nodeId);
        return { changes: 'levels' in d && !request.validateOnly ? d.levels : undefined, result: d };
      });
    } catch (e) {
      ctx.broker.log.error('storing the finalized feature levels failed; none of the updates is in force', e);
      return answer(errorCodeOf(e), `The feature levels could not be stored: ${messageOf(e)}`);
    }
    if (!('levels' in decision)) return answer(decision.errorCode, decision.errorMessage);
    return answer(ErrorCode.NONE, null);
  },
});
