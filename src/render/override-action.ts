/**
 * The "Override" button on a failing `single-patch-order` check. GitHub shows at most
 * MAX_ACTIONS buttons, labels of MAX_ACTION_LABEL and descriptions of MAX_ACTION_DESCRIPTION
 * characters (see check-run-output.ts); a test holds this button to them.
 */
export const OVERRIDE_ACTION_ID = "override";

export const OVERRIDE_ACTION = {
  label: "Override",
  description: "Break glass: asks for a reason",
  identifier: OVERRIDE_ACTION_ID,
} as const;
