import type { Config } from "../config/schema.js";
import type { BodySection } from "./readers/body-sections.js";
import type { Change } from "./change.js";
import type { RuleResult } from "./rule-result.js";
import type { RuleId } from "../config/rule-ids.js";

/** What every rule is given. Built once per evaluation by the engine; rules must not mutate it. */
export interface RuleInput {
  change: Change;
  config: Config;
  /** The PR body's sections, read once. */
  sections: BodySection[];
}

/** A rule's verdict without its id: the engine stamps the id. */
export type RuleOutcome = Omit<RuleResult, "ruleId">;

/**
 * A rule is a pure function of its input: no I/O, no clock, no environment. A rule that does not
 * apply returns `skip` with the reason; it never passes by default.
 */
export interface Rule {
  id: RuleId;
  /** One line, used in docs and in the report. */
  description: string;
  evaluate(input: RuleInput): RuleOutcome;
}
