import type { Logger, Probot } from "probot";
import { SourceError } from "../core/errors.js";
import { GATE_CHECK_NAME, publishCompletedCheck } from "../github/check-runs.js";
import { getInstallationClient } from "../github/get-installation-client.js";
import { renderEvaluationError } from "../render/check-run-output.js";
import type { InFlightDelivery } from "./track-in-flight.js";

interface InterruptedCheck {
  installationId: number;
  repo: { owner: string; repo: string };
  headSha: string;
  externalId?: string;
}

const STOPPED = new SourceError(
  "The App was stopped (a deploy or a restart) before it finished judging this commit. Nothing was judged; re-run the check to judge it.",
  true,
);

/**
 * Completes, as `failure` with how to retry, the gate checks of deliveries that a shutdown cut
 * short, so that no required check is left waiting for a judgement that will not come. Only
 * deliveries that name the head SHA (pull_request, a re-run of the gate check) can be answered;
 * the others are logged with their delivery id. Best effort: failures are logged.
 */
export async function completeInterruptedChecks(
  app: Probot,
  deliveries: readonly InFlightDelivery[],
  log: Logger,
  now = () => new Date(),
): Promise<void> {
  await Promise.all(
    deliveries.map(async (delivery) => {
      const check = findInterruptedCheck(delivery);
      if (!check)
        return log.warn(
          { id: delivery.id, event: delivery.event },
          "delivery cut short by the shutdown; it names no gate check to complete",
        );
      try {
        const octokit = await getInstallationClient(app, check.installationId);
        await publishCompletedCheck(octokit, check.repo, {
          name: GATE_CHECK_NAME,
          headSha: check.headSha,
          output: renderEvaluationError(STOPPED),
          completedAt: now(),
          ...(check.externalId ? { externalId: check.externalId } : {}),
        });
        log.warn(
          { id: delivery.id, sha: check.headSha },
          "delivery cut short by the shutdown: its check was completed as failure, to be re-run",
        );
      } catch (error) {
        log.error(
          { id: delivery.id, err: error },
          "delivery cut short by the shutdown; its check could not be completed",
        );
      }
    }),
  );
}

/** The gate check a delivery was going to publish, when its payload names it. */
export function findInterruptedCheck(delivery: InFlightDelivery): InterruptedCheck | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: an untyped webhook payload, read with optional chaining
  const payload = delivery.payload as Record<string, any>;
  const installationId = payload.installation?.id;
  const repo = payload.repository
    ? { owner: String(payload.repository.owner?.login), repo: String(payload.repository.name) }
    : undefined;
  if (!installationId || !repo) return undefined;
  if (delivery.event === "pull_request" && payload.pull_request?.state === "open") {
    return {
      installationId,
      repo,
      headSha: payload.pull_request.head.sha,
      externalId: String(payload.pull_request.number),
    };
  }
  if (
    delivery.event === "check_run" &&
    payload.action === "rerequested" &&
    payload.check_run?.name === GATE_CHECK_NAME
  ) {
    return {
      installationId,
      repo,
      headSha: payload.check_run.head_sha,
      ...(payload.check_run.external_id ? { externalId: String(payload.check_run.external_id) } : {}),
    };
  }
  return undefined;
}
