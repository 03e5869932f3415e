import { baseBranch } from "./base-branch.js";
import { changeSize } from "./change-size.js";
import { dependencyChange } from "./dependency-change.js";
import { forwardPort } from "./forward-port.js";
import { linkedTicket } from "./linked-ticket.js";
import { problemStatement } from "./problem-statement.js";
import { reversibleMigration } from "./reversible-migration.js";
import type { Rule } from "../core/rule.js";
import { RULE_IDS, type RuleId } from "../config/rule-ids.js";
import { rollbackPlan } from "./rollback-plan.js";
import { semverPatch } from "./semver-patch.js";
import { singleScope } from "./single-scope.js";
import { testEvidence } from "./test-evidence.js";

/** The one registry of rules, keyed by id. The report lists them in RULE_IDS order. */
export const rulesById: Record<RuleId, Rule> = {
  "base-branch": baseBranch,
  "single-scope": singleScope,
  "change-size": changeSize,
  "linked-ticket": linkedTicket,
  "problem-statement": problemStatement,
  "test-evidence": testEvidence,
  "rollback-plan": rollbackPlan,
  "reversible-migration": reversibleMigration,
  "dependency-change": dependencyChange,
  "semver-patch": semverPatch,
  "forward-port": forwardPort,
};

/** The rules in RULE_IDS order: what every front end passes to evaluatePolicy. */
export const rules: readonly Rule[] = RULE_IDS.map((id) => rulesById[id]);
