/**
 * The fields each handled event must carry before any handler runs. A signed payload that lacks
 * them (a replay tool, a proxy that rewrote it, a GitHub change) is refused with 400 before any
 * GitHub call, instead of a handler failing half-way with a TypeError.
 */
const COMMON = ["installation.id", "repository.name", "repository.owner.login"];

/**
 * Per handled event, the fields its handlers read. Every event of `app.on(...)` has an entry
 * (test/app/index.test.ts).
 */
export const REQUIRED: Record<string, string[]> = {
  pull_request: [
    "action",
    "pull_request.number",
    "pull_request.state",
    "pull_request.head.sha",
    "pull_request.head.ref",
    "pull_request.base.ref",
    "pull_request.merged",
    "pull_request.html_url",
    "repository.default_branch",
  ],
  check_run: ["action", "check_run.id", "check_run.name", "check_run.head_sha"],
  check_suite: ["action", "check_suite.head_sha"],
  issue_comment: ["action", "issue.number", "comment.body"],
  merge_group: ["action", "merge_group.head_sha"],
  release: ["action", "release.tag_name"],
  deployment: ["action", "deployment.sha"],
  deployment_status: ["action", "deployment_status.state", "deployment.sha"],
  deployment_protection_rule: ["action", "environment"],
  status: ["sha", "state", "context", "repository.default_branch"],
};

/**
 * What is wrong with a payload of this event, or undefined when it has what its handlers read.
 * Events the App does not handle pass.
 */
export function findPayloadProblem(event: string, payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return "the payload is not a JSON object";
  const required = REQUIRED[event];
  if (!required) return undefined;
  const missing = [...COMMON, ...required].filter((path) => readPath(payload, path) == null);
  return missing.length ? `the ${event} payload lacks ${missing.join(", ")}` : undefined;
}

function readPath(value: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
}
