import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const WEBHOOK_SECRET = "e2e-webhook-secret-9f3c1a";
export const APP_ID = "4242";
const ROOT = resolve(import.meta.dirname, "..");

/** A PKCS#1 key, as GitHub hands them out; generated per run so no key lives in the repository. */
export const PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

export interface RunningApp {
  url: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr), for log assertions. */
  output: () => string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if the process is still running after `graceMs`. */
  stop: (graceMs?: number) => Promise<number | null>;
}

/** A port nobody listens on right now: Probot's run() does not accept PORT=0. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `node <args>` (the built server by default) as users run it, against the fake GitHub at
 * `githubHost`, and waits until `/ping` answers. Runs in an empty working directory so no `.env` applies.
 * The catch-up on missed deliveries is off (`CATCHUP_INTERVAL_S=0`) unless `env` turns it on, so
 * that its calls do not mix with those of the deliveries a test sends; `env.PORT` picks the port
 * (the App's webhook URL, known before it starts).
 */
export async function startApp(
  githubHost: string,
  env: Record<string, string> = {},
  nodeArgs = [join(ROOT, "dist/server/main.js")],
): Promise<RunningApp> {
  const port = env.PORT ? Number(env.PORT) : await findFreePort();
  let output = "";
  const child = spawn(process.execPath, nodeArgs, {
    cwd: mkdtempSync(join(tmpdir(), "spo-e2e-")),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      APP_ID,
      PRIVATE_KEY,
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: githubHost,
      GHE_PROTOCOL: "http",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      CATCHUP_INTERVAL_S: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, exited, () => output);
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return { url, process: child, output: () => output, exited, stop };
}

async function waitUntilServing(url: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (gone) throw new Error(`the App exited before serving:\n${output()}`);
    const ok = await fetch(`${url}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the App did not answer /ping within 10 s:\n${output()}`);
}
