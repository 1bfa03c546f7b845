/**
 * UpdateFeatures' decisions, as Kafka 4.3.1's controller (FeatureControlManager) makes them for a
 * one-node cluster: a level outside what this node supports, an upgrade type that does not match
 * the direction, a downgrade of kraft.version, or a metadata.version downgrade is refused with
 * INVALID_UPDATE_VERSION and Kafka's message, and one refused update fails them all.
 * metadata.version stays at the latest level: Kafka refuses every downgrade that may lose
 * metadata, and Sluice keeps no metadata that an older level would need written differently.
 */
import { ErrorCode } from '@sluice/protocol';
import { isSupported, supportedRange } from './features.ts';

/** Kafka's FeatureUpdate.UpgradeType codes. */
export const UpgradeType = { UPGRADE: 1, SAFE_DOWNGRADE: 2, UNSAFE_DOWNGRADE: 3 } as const;

export interface FeatureUpdate {
  feature: string;
  level: number;
  upgradeType: number;
}

export type UpdateDecision = { errorCode: typeof ErrorCode.NONE; levels: Map<string, number> } | { errorCode: number; errorMessage: string };

/** The new levels, or the refusal of them all with the first update's reason. */
export function decideFeatureUpdates(updates: readonly FeatureUpdate[], current: (name: string) => number, nodeId: number): UpdateDecision {
  const levels = new Map<string, number>();
  for (const u of updates) {
    const reason = refusal(u, current(u.feature), nodeId);
    if (reason !== undefined) {
      return { errorCode: ErrorCode.INVALID_UPDATE_VERSION, errorMessage: `The update failed for all features since the following feature had an error: ${reason}` };
    }
    levels.set(u.feature, u.level);
  }
  return { errorCode: ErrorCode.NONE, levels };
}

function refusal(u: FeatureUpdate, currentLevel: number, nodeId: number): string | undefined {
  const invalid = (why: string) => `Invalid update version ${u.level} for feature ${u.feature}. ${why}`;
  if (u.upgradeType !== UpgradeType.UPGRADE && u.upgradeType !== UpgradeType.SAFE_DOWNGRADE && u.upgradeType !== UpgradeType.UNSAFE_DOWNGRADE) {
    return invalid('The controller does not support the given upgrade type.');
  }
  if (u.level < 0) return invalid('A feature version cannot be less than 0.');
  const range = supportedRange(u.feature);
  if (u.level < range.min || u.level > range.max) {
    return invalid(range.max === 0 ? `Local controller ${nodeId} does not support this feature.` : `Local controller ${nodeId} only supports versions ${range.min}-${range.max}`);
  }
  if (u.level < currentLevel && u.upgradeType === UpgradeType.UPGRADE) {
    return invalid("Can't downgrade the version of this feature without setting the upgrade type to either safe or unsafe downgrade.");
  }
  if (u.level > currentLevel && u.upgradeType !== UpgradeType.UPGRADE) return invalid("Can't downgrade to a newer version.");
  // Disabling a feature this node does not know: there is nothing to disable.
  if (!isSupported(u.feature)) return invalid(`Feature ${u.feature} not found.`);
  if (u.feature === 'kraft.version' && u.level < currentLevel) return invalid("Can't downgrade the version of this feature.");
  if (u.feature === 'metadata.version' && u.level < currentLevel) {
    const why = u.upgradeType === UpgradeType.UNSAFE_DOWNGRADE ? 'Unsafe metadata downgrade is not supported in this version.' : 'Refusing to perform the requested downgrade because it might delete metadata information.';
    return `Unsupported metadata.version downgrade from ${currentLevel} to ${u.level}. ${why}`;
  }
  return undefined;
}
