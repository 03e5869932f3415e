// The least a PR gate App must do, as the benchmark's yardstick: read the config, list the files,
// create one completed check run. Plain Probot `run()`, with write throttling keyed per
// installation like the App's (BENCH_STOCK_OCTOKIT=1: Probot's own, one queue for all).
import { ProbotOctokit, run, type ApplicationFunction } from "probot";

const PerInstallationOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  throttle: {
    ...options.throttle,
    ...(options.auth?.installationId ? { id: String(options.auth.installationId) } : {}),
  },
})) as typeof ProbotOctokit;

const app: ApplicationFunction = (probot) => {
  probot.on("pull_request", async (context) => {
    const pr = context.payload.pull_request;
    const config = await context.config<Record<string, unknown>>("single-patch-order.yml");
    const { data: files } = await context.octokit.rest.pulls.listFiles(context.pullRequest({ per_page: 100 }));
    await context.octokit.rest.checks.create(
      context.repo({
        name: "single-patch-order",
        head_sha: pr.head.sha,
        status: "completed",
        conclusion: config && files.length ? "success" : "failure",
        completed_at: new Date().toISOString(),
        output: { title: `${files.length} files`, summary: "Judged." },
      }),
    );
  });
};

await run(app, process.env.BENCH_STOCK_OCTOKIT ? {} : { Octokit: PerInstallationOctokit });
