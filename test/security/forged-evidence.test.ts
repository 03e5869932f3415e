import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import {
  MERGE_SHA,
  mockDecisionReads,
  mockEvidenceRuns,
  mockHotfixPull,
  PASSING_GATE_SUMMARY,
  readRecord,
} from "../helpers/evidence-nock.js";
import { API, captureCheckRuns, expectAllMocksDone } from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";

/**
 * Attack (issue 16): make the audit trail say something else. After the merge, someone with write
 * access edits the hotfix's title to another ticket, or another App (or a workflow with
 * `checks: write`) writes a `single-patch-order/evidence` run with the decision's key first, hoping
 * the App then writes none. The safe outcome: the record's ticket and verdicts come from the App's
 * own gate run, and only the App's own run with the key counts as written. `spo evidence` ignoring
 * runs of other Apps is in test/cli/evidence.test.ts.
 */

const REPO = "Codertocat/Hello-World";
const REVIEW = `/repos/${REPO}/actions/runs/1234567890/deployment_protection_rule`;
const KEY = "evidence/v1:production:deployment-145988746:approved";

function mockDecision(scope: nock.Scope, title?: string) {
  mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY }, title ? { title } : {});
  scope.post(REVIEW, (body) => body.state === "approved").reply(204);
  mockHotfixPull(scope);
}

describe("forged evidence", () => {
  it("a title edited after the merge does not change the record's ticket: the App's gate run does", async () => {
    const scope = nock(API);
    mockDecision(scope, "SHOP-99: something else entirely");
    mockEvidenceRuns(scope, REPO, MERGE_SHA, []);
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({
      id: "dpr-forged-1",
      name: "deployment_protection_rule",
      payload: loadProtectionRuleRequest("production"),
    } as never);

    expectAllMocksDone();
    expect(readRecord(checks[0]!.output.text)).toMatchObject({ ticket: "SHOP-42" });
  });

  it("another App's run with the decision's key first does not stop the App writing its own", async () => {
    const scope = nock(API);
    mockDecision(scope);
    mockEvidenceRuns(scope, REPO, MERGE_SHA, [{ id: 66, externalId: KEY, appId: 4242 }]);
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({
      id: "dpr-forged-2",
      name: "deployment_protection_rule",
      payload: loadProtectionRuleRequest("production"),
    } as never);

    expectAllMocksDone();
    expect(checks.map((c) => c.external_id)).toEqual([KEY]);
  });
});
