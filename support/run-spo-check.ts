import { spawn } from "node:child_process";
import { resolve } from "node:path";

/** The built CLI (`npm run build`). */
export const SPO = resolve(import.meta.dirname, "../bin/spo.js");

/** Loaded before spo: prints the process's peak resident memory (bytes) to stderr as it exits. */
const PEAK_RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nspo-bench-peak-rss="+process.resourceUsage().maxRSS*1024+"\\n"))`;

export interface SpoRun {
  ms: number;
  /** The spo process's own peak resident memory (git runs in a process of its own). */
  peakRssBytes: number;
  code: number;
}

/** `spo check --format json` in `dir`, as a user runs it, with its peak RSS. */
export function runSpoCheck(dir: string, spo = SPO): Promise<SpoRun> {
  return new Promise((done, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", PEAK_RSS_HOOK, spo, "check", "--format", "json"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const peak = /spo-bench-peak-rss=(\d+)/.exec(stderr)?.[1];
      if (!peak) return reject(new Error(`spo check printed no peak RSS (exit ${code}): ${stderr.slice(0, 500)}`));
      done({ ms: performance.now() - start, peakRssBytes: Number(peak), code: code ?? -1 });
    });
  });
}
