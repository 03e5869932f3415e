import { createHash } from "node:crypto";
import { GOOD_BODY } from "./build-change.js";
import { loadWebhook } from "./webhooks.js";

export interface PullRequestEvent {
  action?: "opened" | "synchronize" | "edited" | "reopened";
  installationId?: number;
  owner?: string;
  repo?: string;
  number?: number;
  /** Defaults to a SHA derived from the other fields, so that each PR gets its own. */
  headSha?: string;
  ref?: string;
  title?: string;
}

/** A real `pull_request` delivery, made a passing hotfix on `owner/repo` for an installation. */
export function pullRequestEvent(options: PullRequestEvent = {}): any {
  const { action = "opened", installationId = 1, owner = "Codertocat", repo = "Hello-World", number = 2 } = options;
  const payload = loadWebhook("pull_request.opened");
  payload.action = action;
  payload.installation = { id: installationId, node_id: `I_${installationId}` };
  payload.repository.name = repo;
  payload.repository.full_name = `${owner}/${repo}`;
  payload.repository.owner.login = owner;
  payload.repository.default_branch = "main";
  const pr = payload.pull_request;
  pr.number = number;
  pr.head.ref = options.ref ?? "hotfix/SHOP-42-discount-total";
  pr.head.sha =
    options.headSha ??
    createHash("sha1").update(`${installationId}/${owner}/${repo}#${number}/${action}`).digest("hex");
  pr.base.ref = "main";
  pr.title = options.title ?? "SHOP-42: fix discount total on checkout";
  pr.body = GOOD_BODY;
  pr.changed_files = 2;
  pr.labels = [];
  return payload;
}
