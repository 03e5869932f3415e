import type { ProbotOctokit } from "probot";

/**
 * The GitHub client every adapter takes: Probot's Octokit (REST methods, pagination, GraphQL,
 * retries on 5xx, throttling). The App gets one per installation from Probot; the Action and
 * `spo check --pr` build one from a token.
 */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}
