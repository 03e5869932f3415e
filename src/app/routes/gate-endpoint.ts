import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { decideUndecidable, renderGateJson } from "../../render/deployment-messages.js";
import type { AppDeps } from "../app-deps.js";
import { assessDeployment, type DeploymentAssessment } from "../flows/assess-deployment.js";
import { recordEvidence } from "../flows/record-evidence.js";
import type { GitHubClient } from "../../github/github-client.js";
import { getRepoClient } from "../../github/get-repo-client.js";

export const GATE_PATH = "/api/gate/";
const SHA = /^[0-9a-f]{40}$/i;
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export interface GateEndpointOptions {
  /** The bearer token callers must send (`GATE_TOKEN`). The endpoint is only registered when it is set. */
  token: string;
  app: Probot;
  deps: AppDeps;
}

/**
 * `GET /api/gate/<owner>/<repo>/<sha>?environment=<env>` → `{ allowed, reason, readyAt? }`, the same
 * decision as the deployment protection rule, for Argo Rollouts' web metric (200 either way; the
 * metric reads `allowed`). `&strict=true` answers a refusal with 412 instead, for callers that only
 * read the status code (a Flagger webhook through `curl -f`). POST is accepted like GET (Flagger
 * posts). With `GATE_OWNERS` set, an owner outside it is answered 404 as if the App were not
 * installed, without a GitHub call: one token does not read every tenant's decisions. A Probot
 * server handler: returns false for other paths so the next handler runs.
 */
export function createGateHandler({
  token,
  app,
  deps,
}: GateEndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const expected = digest(token);
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(GATE_PATH)) return false;
    req.resume();
    if (req.method !== "GET" && req.method !== "POST")
      return send(res, 405, { error: "Use GET." }, { allow: "GET, POST" });
    if (!isAuthorized(req.headers.authorization, expected)) {
      return send(
        res,
        401,
        { error: "Send Authorization: Bearer <GATE_TOKEN>." },
        { "www-authenticate": 'Bearer realm="single-patch-order"' },
      );
    }
    const [owner = "", repo = "", sha = "", ...extra] = url.pathname.slice(GATE_PATH.length).split("/");
    const environment = url.searchParams.get("environment") ?? "";
    if (
      extra.length ||
      !NAME.test(owner) ||
      !NAME.test(repo) ||
      !SHA.test(sha) ||
      !environment ||
      environment.length > 255
    ) {
      return send(res, 400, { error: "Expected /api/gate/<owner>/<repo>/<40-hex sha>?environment=<name>." });
    }
    if (deps.gateOwners && !deps.gateOwners.has(owner.toLowerCase())) return send(res, 404, notInstalled(owner, repo));
    const strict = url.searchParams.get("strict") === "true";
    const answer = async () => {
      try {
        const octokit = await getRepoClient(app, { owner, repo });
        const assessment = await assessDeployment(
          octokit,
          { owner, repo },
          { sha: sha.toLowerCase(), environment, defaultBranch: "HEAD" },
          deps,
          app.log,
        );
        return { decision: assessment.decision, record: () => record(octokit, assessment) };
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        app.log.error({ err: error, owner, repo }, "gate endpoint: could not authenticate for the repository");
        return { decision: decideUndecidable(error) };
      }
    };
    // The first answer and each change of answer per commit and environment is a production
    // decision with evidence (record-evidence.ts keys it): written after the answer has gone out.
    const record = (octokit: GitHubClient, assessment: DeploymentAssessment) =>
      recordEvidence(
        octokit,
        {
          repo: { owner, repo },
          sha: sha.toLowerCase(),
          environment,
          source: "gate-endpoint",
          assessment,
          decidedAt: deps.now(),
        },
        deps,
        app.log,
      );
    const answered = await answer();
    if (!answered) return send(res, 404, notInstalled(owner, repo));
    const { decision } = answered;
    send(res, strict && !decision.allowed ? 412 : 200, renderGateJson(decision));
    await answered.record?.();
    return true;
  };
}

/** The same answer for an owner outside `GATE_OWNERS` as for a repository without the App: nothing to tell apart. */
function notInstalled(owner: string, repo: string): { allowed: false; reason: string } {
  return { allowed: false, reason: `Single Patch Order is not installed on ${owner}/${repo}.` };
}

/** Compares SHA-256 digests in constant time, so neither the token nor its length leaks through timing. */
function isAuthorized(header: string | undefined, expected: Buffer): boolean {
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "")?.[1];
  return given !== undefined && timingSafeEqual(digest(given), expected);
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
  return true;
}
