import nock from "nock";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import { captureCheckRuns, mockFiles, mockPullUnchanged, mockSettings, mockBaseTree } from "../helpers/github-nock.js";
import { TEST_APP_ID } from "../helpers/probot.js";
import { AUTHOR, REPO, SHA, TWO_SCOPES, pullRequest } from "../helpers/pull-request-comments.js";

/**
 * Shared by the attack tests of test/security/: each file is one item of issue 9, played as the
 * attacker would, through the App (Probot's receive with real payloads, nock for GitHub).
 */

export const REASON = "INC-4711 checkout is down, rollback tested";

/** A `pull_request` delivery for PR #1 (by AUTHOR) on SHA, sent by `sender`. */
export function pullRequestEvent(
  action: "opened" | "synchronize" | "edited" | "labeled",
  sender: string,
  pr: Record<string, unknown> = {},
) {
  const payload = loadWebhook(action === "synchronize" ? "pull_request.synchronize" : "pull_request.opened");
  payload.action = action;
  payload.repository = loadWebhook("pull_request.opened").repository;
  Object.assign(payload.pull_request, pullRequest(pr));
  payload.pull_request.state = "open";
  payload.pull_request.body = GOOD_BODY;
  payload.sender = { ...payload.sender, login: sender, type: sender.endsWith("[bot]") ? "Bot" : "User" };
  return payload;
}

/**
 * The reads of a failing `pull_request` judgement of PR #1: the free re-read (304), config, files
 * over two scopes, workspace manifests. A failing verdict looks for no other PR of its head.
 */
export function mockFailingJudgement(scope: nock.Scope, config?: string) {
  mockPullUnchanged(scope, REPO, 1);
  mockSettings(scope, { config: config ?? null });
  mockFiles(scope, REPO, 1, TWO_SCOPES);
  mockBaseTree(scope, REPO);
}

/** A check run the App created (its POST body), as `checks.listForRef` lists it back. */
export function asListedRun(posted: Record<string, any>, id: number) {
  return {
    id,
    name: posted.name,
    head_sha: posted.head_sha,
    status: posted.status,
    conclusion: posted.conclusion,
    external_id: posted.external_id,
    app: { id: TEST_APP_ID, slug: "single-patch-order" },
    output: { title: posted.output.title, summary: posted.output.summary, text: posted.output.text ?? null },
  };
}

/** Judges `payload` and returns the check run the App published, listed back as GitHub would. */
export async function publishAndList(
  receive: (name: string, payload: unknown) => Promise<void>,
  payload: unknown,
  id: number,
  config?: string,
) {
  const scope = nock(API_BASE);
  mockFailingJudgement(scope, config);
  const checks = captureCheckRuns(scope, REPO);
  await receive("pull_request", payload);
  return asListedRun(checks[0]!, id);
}

export const API_BASE = "https://api.github.com";
export { AUTHOR, REPO, SHA };
