/** The exit statuses of `sluice`, the CLI's catalogue of outcomes (docs/errors.md lists them with every package's codes). */
export const ExitStatus = {
  /** The command did what it was asked. */
  OK: 0,
  /** The command failed and said why on stderr: the broker's error by Kafka's name or the client's code, with what to do. */
  FAILED: 1,
  /** The command line or a setting is wrong (a usage error or INVALID_CONFIG); nothing was done. */
  USAGE: 2,
  /** `sluice broker` stopped, but could not close every partition cleanly (a full disk); the next start scans those. */
  STOPPED_UNCLEANLY: 3,
} as const;
export type ExitStatus = (typeof ExitStatus)[keyof typeof ExitStatus];
