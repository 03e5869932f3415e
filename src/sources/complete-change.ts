import type { Config } from "../config/schema.js";
import type { BaseTree, Change, PreviousRelease } from "../core/change.js";
import { planFacts } from "../core/plan-facts.js";

/** What an adapter can read for the planner: each source implements it over its own I/O. */
export interface FactReader {
  listBaseTree(): Promise<BaseTree>;
  /** Texts of paths on one side: `null` for a path the side does not have. */
  readTexts(side: "base" | "head", paths: readonly string[]): Promise<Record<string, string | null>>;
  findPreviousRelease(paths: readonly string[]): Promise<PreviousRelease | null>;
}

/** Rounds of planning: the needs of a round depend at most on two earlier answers (core/plan-facts.ts). */
const MAX_ROUNDS = 4;

/**
 * Completes a change with the facts the rules need, shared by the GitHub and the local source:
 * asks the pure planner what is missing, reads it, merges it, and asks again.
 */
export async function completeChange<C extends Change>(change: C, config: Config, reader: FactReader): Promise<C> {
  let current = change;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plan = planFacts(current, config);
    if (!plan) break;
    const [tree, base, head, release] = await Promise.all([
      plan.baseTree ? reader.listBaseTree() : undefined,
      plan.base.length ? reader.readTexts("base", plan.base) : {},
      plan.head.length ? reader.readTexts("head", plan.head) : {},
      plan.previousRelease ? reader.findPreviousRelease(plan.previousRelease.paths) : undefined,
    ]);
    current = {
      ...current,
      contents: {
        base: { ...current.contents?.base, ...base },
        head: { ...current.contents?.head, ...head },
      },
      ...(tree ? { baseTree: tree } : {}),
      ...(plan.previousRelease ? { previousRelease: release ?? null } : {}),
    };
  }
  return current;
}
