/**
 * `owner/repo@sha` of the commit a delivery will be judged on, when the payload names it: the key
 * that ties a delivery to the check it leads to (for the webhook-to-check latency).
 */
// biome-ignore lint/suspicious/noExplicitAny: an untyped webhook payload, read with optional chaining
export function findCheckKey(event: string, payload: Record<string, any>): string | undefined {
  const sha = {
    pull_request: payload.pull_request?.head?.sha,
    check_run: payload.check_run?.head_sha,
    check_suite: payload.check_suite?.head_sha,
    merge_group: payload.merge_group?.head_sha,
  }[event];
  const repo = payload.repository?.full_name;
  return typeof sha === "string" && typeof repo === "string" ? toCheckKey(repo, sha) : undefined;
}

export function toCheckKey(repository: string, sha: string): string {
  return `${repository.toLowerCase()}@${sha}`;
}
