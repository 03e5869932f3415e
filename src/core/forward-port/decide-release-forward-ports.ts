import type { ReleaseCheckResult } from "../release/release-facts.js";
import { findDeadline, formatMoment } from "./format-deadline.js";
import { quote } from "./quote.js";
import type { TwinVerdict } from "./twin-facts.js";

/** A hotfix merged into a `from` branch since the previous release, and what its twin search found. */
export interface ReleaseObligation {
  number: number;
  title: string;
  baseBranch: string;
  mergedAt: string;
  /** Found among what this release's commit contains: a twin merged later does not count. */
  verdict: TwinVerdict;
}

export interface ReleaseForwardPorts {
  /** The hotfixes merged into `from` branches since this time (the previous release's base on the target). */
  since?: string;
  obligations: ReleaseObligation[];
  /** What the listing could not cover: the check then fails rather than pass unseen hotfixes. */
  limits: string[];
}

/** Shown at most per list in a message; the rest is counted. */
const MAX_NAMED = 10;

/**
 * The release check's forward-port result (SPEC §13): a release from the target fails while a
 * hotfix merged into a `from` branch since the previous release has no twin in it and its deadline
 * has passed; one not yet due is a warning. Also returns the twins' pull request numbers: a twin is
 * not a hotfix for the release gate (SPEC §6). Pure: `now` is given.
 */
export function decideReleaseForwardPorts(
  facts: ReleaseForwardPorts,
  target: string,
  options: { withinMs: number; now: Date },
): { result: ReleaseCheckResult; twinPulls: number[] } {
  const since = facts.since ? `since ${formatMoment(new Date(facts.since))}` : "in the pull requests read";
  const twinPulls = facts.obligations.flatMap((o) =>
    o.verdict.match?.twin.number === undefined ? [] : [o.verdict.match.twin.number],
  );
  const missing = facts.obligations.filter((o) => !o.verdict.match);
  const due = (o: ReleaseObligation) => findDeadline(o.mergedAt, options.withinMs);
  const overdue = missing.filter((o) => due(o).getTime() <= options.now.getTime());
  const pending = missing.filter((o) => !overdue.includes(o));
  const name = (o: ReleaseObligation) =>
    `#${o.number} ${quote(o.title)} (into ${quote(o.baseBranch)}, due ${formatMoment(due(o))})`;
  const list = (items: ReleaseObligation[]) =>
    `${items.slice(0, MAX_NAMED).map(name).join("; ")}${items.length > MAX_NAMED ? `; and ${items.length - MAX_NAMED} more` : ""}`;
  const fix = `Forward-port each into ${quote(target)} (the \`single-patch-order/forward-port\` check on its merge commit has the \`git cherry-pick -x\` command), then publish the release from a commit that contains the twins.`;

  if (facts.limits.length)
    return {
      twinPulls,
      result: {
        id: "forward-ports",
        verdict: "fail",
        message: `The hotfixes merged into the forward-port branches ${since} could not all be read (${facts.limits.join("; ")}), so this release cannot be shown to carry their fixes.`,
        fix: "Re-run this check; if it keeps failing, forward-port the release branches' hotfixes and publish the release again.",
      },
    };
  if (overdue.length)
    return {
      twinPulls,
      result: {
        id: "forward-ports",
        verdict: "fail",
        message: `${overdue.length === 1 ? "A hotfix" : `${overdue.length} hotfixes`} merged ${since} ${overdue.length === 1 ? "has" : "have"} no twin in this release, past the deadline: ${list(overdue)}.`,
        fix,
      },
    };
  if (pending.length)
    return {
      twinPulls,
      result: {
        id: "forward-ports",
        verdict: "warn",
        message: `${pending.length === 1 ? "A hotfix" : `${pending.length} hotfixes`} merged ${since} ${pending.length === 1 ? "is" : "are"} not in this release yet, within the deadline: ${list(pending)}.`,
        fix,
      },
    };
  const ported = facts.obligations.length;
  return {
    twinPulls,
    result: {
      id: "forward-ports",
      verdict: "pass",
      message: ported
        ? `${ported === 1 ? "The hotfix" : `Each of the ${ported} hotfixes`} merged into a forward-port branch ${since} has its twin in this release: ${facts.obligations
            .slice(0, MAX_NAMED)
            .map((o) => `#${o.number} → ${describeTwin(o.verdict)}`)
            .join(", ")}${ported > MAX_NAMED ? ", …" : ""}.`
        : `No hotfix was merged into a forward-port branch ${since}.`,
    },
  };
}

function describeTwin(verdict: TwinVerdict): string {
  const twin = verdict.match?.twin;
  if (!twin) return "?";
  const what = twin.number === undefined ? `\`${twin.sha.slice(0, 7)}\`` : `#${twin.number}`;
  return `${what} (${verdict.match?.method})`;
}
