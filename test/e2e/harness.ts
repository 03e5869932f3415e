import type { RecordedRequest } from "../../support/fake-github-request.js";
import { startFakeGitHub, type FakeGitHub } from "../../support/fake-github.js";
import { startApp, type RunningApp } from "../../support/start-app.js";

export interface Harness {
  github: FakeGitHub;
  /** The App under test; a test may replace it with a restarted one, which close() then stops. */
  app: RunningApp;
  close: () => Promise<void>;
}

export const REPO = "Codertocat/Hello-World";

/** A fake GitHub whose repository has a config, and the built App pointed at it. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const github = await startFakeGitHub();
  github.repos.configs.set(REPO, "scope:\n  maxFiles: 10\n");
  try {
    // close() stops whichever App the harness holds then: a test that restarts it (`h.app = await
    // startApp(…)`) would otherwise leave the new process running after the suite.
    const harness: Harness = {
      github,
      app: await startApp(github.host, env),
      close: async () => {
        await harness.app.stop();
        await github.close();
      },
    };
    return harness;
  } catch (error) {
    await github.close();
    throw error;
  }
}

export const isCheckRunPost = (r: RecordedRequest) => r.method === "POST" && /\/check-runs$/.test(r.path);
export const isTokenCall = (r: RecordedRequest) => r.method === "POST" && /\/access_tokens$/.test(r.path);
export const isFilesCall = (r: RecordedRequest) => r.method === "GET" && /\/pulls\/\d+\/files/.test(r.path);
/** The repository's own config file (not the org `.github` file read for the floor). */
export const isConfigCall = (r: RecordedRequest) =>
  r.method === "GET" && r.path.startsWith(`/repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`);
/** The org `.github` repository's file, read at every evaluation for the org floor (SPEC §12). */
export const isOrgConfigCall = (r: RecordedRequest) =>
  r.method === "GET" &&
  r.path.startsWith(`/repos/${REPO.split("/")[0]}/.github/contents/.github%2Fsingle-patch-order.yml`);

/** `METHOD path` of each request, to compare the calls a delivery made. */
export function describeCalls(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.path}`);
}

/** Parsed JSON log lines of the App (LOG_FORMAT=json); other lines are skipped. */
export function readLogLines(output: string): Array<Record<string, any>> {
  return output.split("\n").flatMap((line) => {
    try {
      const parsed = JSON.parse(line);
      return typeof parsed === "object" && parsed ? [parsed] : [];
    } catch {
      return [];
    }
  });
}
