/** The fields of a pull request the engine needs: what webhook payloads and `pulls.get` both carry. */
export interface PullRequestData {
  number: number;
  title: string;
  body: string | null;
  labels: Array<{ name?: string } | string>;
  user: { login: string } | null;
  /** `head.repo`: the fork of a fork PR; null when the fork was deleted. */
  head: { ref: string; sha: string; repo?: { owner: { login: string }; name: string } | null };
  base: { ref: string; sha: string };
  changed_files?: number;
  commits?: number;
  /** `open` or `closed`. */
  state?: string;
  /** ISO 8601, to the second: when anything of the PR last changed (GitHub's `Last-Modified`). */
  updated_at?: string;
  /** ISO 8601: when it was opened. */
  created_at?: string;
  /** ISO 8601, null until merged. */
  merged_at?: string | null;
  /** Who merged it (`pulls.get` only; webhook payloads of open PRs carry null). */
  merged_by?: { login: string } | null;
}
