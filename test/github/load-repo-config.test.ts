import nock from "nock";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { SourceError } from "../../src/core/errors.js";
import { loadRepoSettings } from "../../src/github/load-repo-config.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/probot.js";

const repo = { owner: "octo", repo: "shop" };
const FILE = ".github%2Fsingle-patch-order.yml";
const raw = { "content-type": "text/plain; charset=utf-8" };

describe("loadRepoSettings", () => {
  it("uses the defaults when neither the repository nor the org has a config", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(404)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(404);
    const settings = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main");
    expectAllMocksDone();
    expect(settings.configSource).toBe("(defaults)");
    expect(settings.config.scope.maxFiles).toBe(15);
  });

  it("follows _extends like context.config, with the closer file's lists replacing inherited ones", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "_extends: policies\nhotfix:\n  labels: [urgent]\n", raw)
      .get(`/repos/octo/policies/contents/${FILE}`)
      .reply(200, "hotfix:\n  labels: [hotfix, sev1]\nscope:\n  maxFiles: 5\n", raw)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(404);
    const settings = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main");
    expectAllMocksDone();
    expect(settings.config.hotfix.labels).toEqual(["urgent"]);
    expect(settings.config.scope.maxFiles).toBe(5);
    expect(settings.configSource).toBe("octo/shop/.github/single-patch-order.yml@main (with _extends)");
  });

  it("names the org file as the source when it is the fallback", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(404)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, "scope:\n  maxFiles: -3\n", raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).source).toBe("octo/.github/.github/single-patch-order.yml");
    expect((error as ConfigError).problems[0]).toMatch(/^scope\.maxFiles: /);
  });

  it("turns a GitHub outage into a temporary SourceError with the request id", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .times(4)
      .reply(503, { message: "down" }, { "x-github-request-id": "REQ:1" });
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ temporary: true, requestId: "REQ:1" });
    expect((error as Error).message).toMatch(/^GitHub answered 503 while reading the config/);
  });
});
