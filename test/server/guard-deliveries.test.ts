import { Webhooks } from "@octokit/webhooks";
import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import { createAppMetrics } from "../../src/metrics/app-metrics.js";
import { createMemoryClaims, type DeliveryClaims } from "../../src/server/delivery-claims.js";
import { TokenUnavailableError } from "../../src/github/ensure-installation-token.js";
import { guardDeliveries, type GuardDeps } from "../../src/server/guard-deliveries.js";
import { createInFlight } from "../../src/server/track-in-flight.js";
import { loadWebhook } from "../../support/webhooks.js";

const SECRET = "s3cret";

function setUp(claims: DeliveryClaims = createMemoryClaims(), extra: Partial<GuardDeps> = {}) {
  const webhooks = new Webhooks({ secret: SECRET });
  const inFlight = createInFlight();
  guardDeliveries(webhooks, {
    claims,
    inFlight,
    metrics: createAppMetrics(() => inFlight.size),
    log: pino({ level: "silent" }),
    ...extra,
  });
  const deliver = async (
    id: string,
    payload: unknown = { ...loadWebhook("pull_request.opened"), installation: { id: 1 } },
  ) => {
    const text = JSON.stringify(payload);
    return webhooks.verifyAndReceive({ id, name: "pull_request", payload: text, signature: await webhooks.sign(text) });
  };
  return { webhooks, inFlight, deliver };
}

describe("guardDeliveries", () => {
  it("runs handlers once per delivery id", async () => {
    const { webhooks, deliver } = setUp();
    const seen: string[] = [];
    webhooks.on("pull_request", async (event) => void seen.push(event.id));
    await deliver("a");
    await deliver("a");
    await deliver("b");
    expect(seen).toEqual(["a", "b"]);
  });

  it("releases the claim of a failed delivery (answered 500) so that a redelivery runs", async () => {
    const { webhooks, deliver } = setUp();
    const handler = vi
      .fn()
      .mockRejectedValueOnce(Object.assign(new Error("Bad credentials"), { status: 401 }))
      .mockResolvedValue(undefined);
    webhooks.on("pull_request", handler);
    const failed = await deliver("a").catch((error: AggregateError) => error);
    await deliver("a");
    expect((failed as AggregateError).errors[0]).toMatchObject({
      status: 500,
      message: expect.stringContaining("Bad credentials"),
    });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("handles the delivery when the claim store fails", async () => {
    const { webhooks, deliver } = setUp({
      claim: async () => Promise.reject(new Error("redis down")),
      release: async () => undefined,
    });
    const handler = vi.fn();
    webhooks.on("pull_request", handler);
    await deliver("a");
    expect(handler).toHaveBeenCalledOnce();
  });

  it("gets the installation's token before the handlers run", async () => {
    const order: string[] = [];
    const ensureToken = vi.fn(
      async (installationId: number, _startedAt: number) => void order.push(`token ${installationId}`),
    );
    const { webhooks, deliver } = setUp(createMemoryClaims(), { ensureToken, handles: () => true });
    webhooks.on("pull_request", async () => void order.push("handler"));
    await deliver("a");
    expect(order).toEqual(["token 1", "handler"]);
    expect(ensureToken.mock.calls[0]![1]).toBeTypeOf("number");
  });

  it("answers 503 without running the handlers when GitHub hands out no token, and releases the claim", async () => {
    const ensureToken = vi
      .fn()
      .mockRejectedValueOnce(new TokenUnavailableError("GitHub did not hand out an installation token", true))
      .mockResolvedValue(undefined);
    const { webhooks, deliver } = setUp(createMemoryClaims(), { ensureToken });
    const handler = vi.fn();
    webhooks.on("pull_request", handler);

    const failed = (await deliver("a").catch((e: AggregateError) => e)) as AggregateError;
    expect(failed.errors[0]).toMatchObject({ status: 503, message: "GitHub did not hand out an installation token" });
    expect(handler).not.toHaveBeenCalled();

    await deliver("a"); // GitHub's Redeliver or the catch-up: same id
    expect(handler).toHaveBeenCalledOnce();
  });

  it("answers 500 when GitHub refuses the token (suspended, uninstalled, a wrong key)", async () => {
    const ensureToken = vi.fn().mockRejectedValue(new TokenUnavailableError("GitHub refused (403): suspended", false));
    const { deliver } = setUp(createMemoryClaims(), { ensureToken });
    const failed = (await deliver("a").catch((e: AggregateError) => e)) as AggregateError;
    expect(failed.errors[0]).toMatchObject({ status: 500 });
  });

  it("asks for no token for an action no handler listens to", async () => {
    const ensureToken = vi.fn();
    const handles = vi.fn(
      (event: string, action: string | undefined) => `${event}.${action}` === "pull_request.closed",
    );
    const { deliver } = setUp(createMemoryClaims(), { ensureToken, handles });
    await deliver("a");
    expect(handles.mock.calls).toEqual([["pull_request", "opened"]]);
    expect(ensureToken).not.toHaveBeenCalled();
  });

  it("refuses deliveries with 503 once the App stops accepting", async () => {
    const { inFlight, deliver } = setUp();
    await inFlight.drain(0);
    const error = (await deliver("a").catch((e: AggregateError) => e)) as AggregateError;
    expect(error.errors[0]).toMatchObject({ status: 503 });
  });
});
