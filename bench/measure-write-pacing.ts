import { startFakeGitHub } from "../support/fake-github.js";
import { pullRequestEvent } from "../support/payloads.js";
import { sendWebhook } from "../support/send-webhook.js";
import { startApp } from "../support/start-app.js";

/**
 * Whether check writes for different installations wait for each other: `installations` hotfix
 * PRs, one per installation, sent at once. Returns the seconds between the first and the last
 * check the fake received. GitHub paces writes per installation (1/s), so the spread should be
 * near 0 s; one queue for the whole process makes it ≈ installations − 1 seconds.
 */
export async function measureWriteSpread(
  nodeArgs: string[],
  installations: number,
  env: Record<string, string> = {},
): Promise<number> {
  const github = await startFakeGitHub();
  const app = await startApp(github.host, env, nodeArgs);
  try {
    await Promise.all(
      Array.from({ length: installations }, (_, i) =>
        sendWebhook(app.url, {
          event: "pull_request",
          payload: pullRequestEvent({ installationId: i + 1, owner: `org-${i + 1}`, repo: "service" }),
        }),
      ),
    );
    // With one queue, the last writes come after the webhooks were answered (202 after 9 s).
    const checks = await github.waitFor((r) => r.method === "POST" && r.path.endsWith("/check-runs"), {
      count: installations,
      timeoutMs: installations * 2_000,
    });
    const writes = checks.map((r) => r.at);
    return (Math.max(...writes) - Math.min(...writes)) / 1000;
  } finally {
    await app.stop();
    await github.close();
  }
}
