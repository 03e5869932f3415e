import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import {
  hotfixPull,
  mockCanaryHolds,
  mockCheck,
  mockCommitPulls,
  mockDeployments,
  mockJudgedHotfix,
} from "../helpers/deploy-nock.js";
import { API, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW, TEST_APP_ID } from "../helpers/probot.js";

const REPO = "Codertocat/Hello-World";

/** The real `deployment.created` delivery, to `environment`. */
function deploymentCreated(environment: string) {
  const payload = loadWebhook("deployment.created");
  payload.deployment.environment = environment;
  return payload;
}

async function receive(name: string, payload: unknown) {
  await createTestProbot().receive({ id: "status-1", name, payload } as never);
}

describe("deployment.created → commit status", () => {
  const sha = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

  it("posts success for a canary deployment of a hotfix whose gate passed", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, sha, [hotfixPull(12, sha)]);
    mockCheck(scope, REPO, sha, "single-patch-order/release", null);
    mockJudgedHotfix(scope, REPO, 12, sha);
    scope
      .post(`/repos/${REPO}/statuses/${sha}`, {
        state: "success",
        context: "single-patch-order/deploy/canary",
        description: "f95f852 is the head commit of hotfix #12, whose own single-patch-order verdict passes.",
      })
      .reply(201, {});

    await receive("deployment", deploymentCreated("canary"));

    expectAllMocksDone();
  });

  it("posts failure for production before the bake time, saying when to deploy again", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, sha);
    mockDeployments(scope, REPO, sha, [
      {
        id: 7,
        environment: "canary",
        statuses: [{ state: "success", created_at: new Date(FIXED_NOW.getTime() - 5 * 60_000).toISOString() }],
      },
    ]);
    scope
      .post(`/repos/${REPO}/statuses/${sha}`, {
        state: "failure",
        context: "single-patch-order/deploy/production",
        description: "Canary bakes until 2026-11-21T12:25:00Z; deploy again after that.",
      })
      .reply(201, {});

    await receive("deployment", deploymentCreated("production"));

    expectAllMocksDone();
  });

  it("posts failure, with the reason, when GitHub fails", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, sha);
    scope.get(`/repos/${REPO}/deployments`).query(true).times(4).reply(500, { message: "boom" });
    scope
      .post(`/repos/${REPO}/statuses/${sha}`, (body: Record<string, string>) => {
        expect(body).toMatchObject({ state: "failure", context: "single-patch-order/deploy/production" });
        expect(body.description!.length).toBeLessThanOrEqual(140);
        return body.description!.startsWith("Refused because Single Patch Order could not decide: GitHub answered 500");
      })
      .reply(201, {});

    await receive("deployment", deploymentCreated("production"));

    expectAllMocksDone();
  });

  it("posts nothing for an environment in neither list", async () => {
    const scope = nock(API);
    mockSettings(scope);

    await receive("deployment", deploymentCreated("github-pages"));

    expectAllMocksDone();
  });
});

describe("check_run.completed of our gate → canary status", () => {
  function gateCompleted(name = "single-patch-order") {
    const payload = loadWebhook("check_run.completed");
    payload.check_run.name = name;
    payload.check_run.app.id = TEST_APP_ID;
    return payload;
  }

  it("posts the canary decision on a hotfix's head as soon as its gate completes", async () => {
    const payload = gateCompleted();
    const { head_sha: sha } = payload.check_run;
    const repo = payload.repository.full_name;
    const scope = nock(API);
    mockSettings(scope, { config: "deploy:\n  canary: [canary, canary-eu]\n" }, repo);
    mockCommitPulls(scope, repo, sha, [hotfixPull(12, sha)]);
    mockCheck(scope, repo, sha, "single-patch-order/release", null);
    mockJudgedHotfix(scope, repo, 12, sha);
    const posted: unknown[] = [];
    scope
      .post(`/repos/${repo}/statuses/${sha}`, (body) => posted.push(body) > 0)
      .times(2)
      .reply(201, {});

    await receive("check_run", payload);

    expectAllMocksDone();
    const description = "ec26c3e is the head commit of hotfix #12, whose own single-patch-order verdict passes.";
    expect(posted).toEqual([
      { state: "success", context: "single-patch-order/deploy/canary", description },
      { state: "success", context: "single-patch-order/deploy/canary-eu", description },
    ]);
  });

  it("posts nothing on an ordinary PR, so it gets no red status", async () => {
    const payload = gateCompleted();
    const { head_sha: sha } = payload.check_run;
    const repo = payload.repository.full_name;
    const scope = nock(API);
    mockSettings(scope, {}, repo);
    mockCommitPulls(scope, repo, sha, [hotfixPull(3, sha, { head: { ref: "feature/x", sha } })]);
    mockCheck(scope, repo, sha, "single-patch-order/release", null);

    await receive("check_run", payload);

    expectAllMocksDone();
  });

  it("makes no call at all when our check says the PR is not a hotfix", async () => {
    const payload = gateCompleted();
    payload.check_run.output.title = "Not a hotfix: no single-patch rules apply";
    await receive("check_run", payload);
    expectAllMocksDone();
  });

  it("ignores another App's check of the same name", async () => {
    const payload = gateCompleted();
    payload.check_run.app.id = 999;
    await receive("check_run", payload);
    expectAllMocksDone();
  });
});
