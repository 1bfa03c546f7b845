/**
 * Every state file a partition folder may hold, so that the log manager can tell a folder of
 * Sluice's (safe to remove when no topic owns it) from anything else. A new state file of a
 * partition is added here.
 */
import { CLEAN_SHUTDOWN } from './clean-shutdown.ts';
import { COMPACTION_MANIFEST } from './compaction-manifest.ts';
import { LOG_START_OFFSET, RECOVERY_POINT } from './offset-files.ts';
import { PRODUCER_SNAPSHOT } from './producer-snapshot.ts';

export const PARTITION_STATE_FILES: readonly string[] = [CLEAN_SHUTDOWN, RECOVERY_POINT, LOG_START_OFFSET, PRODUCER_SNAPSHOT, COMPACTION_MANIFEST].map((f) => f.name);
