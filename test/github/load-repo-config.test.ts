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

describe("the org floor (SPEC §12)", () => {
  const ORG_FILE = "octo/.github/.github/single-patch-order.yml";
  const FLOOR = "floor:\n  scope:\n    maxFiles: 20\n  rules:\n    rollback-plan: error\n";

  it("binds a repository with its own file and no _extends: one more GET, of the org file", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "scope:\n  maxFiles: 30\n", raw)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, FLOOR, raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      source: "octo/shop/.github/single-patch-order.yml@main",
      problems: [`scope.maxFiles: 30 is looser than the org floor 20 (floor.scope.maxFiles in ${ORG_FILE})`],
    });
  });

  it("binds a repository whose _extends reaches the org file, from the one read of it", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "_extends: .github\nrules:\n  rollback-plan: off\n", raw)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, `scope:\n  maxLines: 300\n${FLOOR}`, raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect((error as ConfigError).problems).toEqual([
      `rules.rollback-plan: off is looser than the org floor error (floor.rules.rollback-plan in ${ORG_FILE})`,
    ]);
  });

  it("lets a stricter repository keep its own limit, and fills what it leaves unset from the floor", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "scope:\n  maxFiles: 8\n", raw)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, "floor:\n  scope:\n    maxFiles: 20\n    maxCommits: 3\n  ticket:\n    verify: true\n", raw);
    const settings = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main");
    expectAllMocksDone();
    expect(settings.config.scope).toMatchObject({ maxFiles: 8, maxCommits: 3 });
    expect(settings.config.ticket.verify).toBe(true);
    expect(settings.layers?.floor).toMatchObject({
      source: ORG_FILE,
      paths: ["scope.maxFiles", "scope.maxCommits", "ticket.verify"],
    });
  });

  it("binds a repository without a file of its own: the org file's settings and floor, two GETs in all", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(404)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, `rules:\n  semver-patch: warn\n${FLOOR}`, raw);
    const settings = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main");
    expectAllMocksDone();
    expect(settings.config.rules).toEqual({ "semver-patch": "warn" });
    expect(settings.config.scope.maxFiles).toBe(15);
    expect(settings.configSource).toBe(ORG_FILE);
  });

  it("refuses org settings below the org's own floor, in every repository that inherits them", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(404)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, `scope:\n  maxFiles: 40\n${FLOOR}`, raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expect((error as ConfigError).source).toBe(ORG_FILE);
    expect((error as ConfigError).problems[0]).toMatch(/^scope\.maxFiles: 40 is looser than the org floor 20/);
  });

  it("refuses floor: in a repository's own file", async () => {
    nock(API).get(`/repos/octo/shop/contents/${FILE}`).reply(200, "floor:\n  scope:\n    maxFiles: 1\n", raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect(error).toMatchObject({
      source: "octo/shop/.github/single-patch-order.yml",
      problems: [
        expect.stringMatching(
          /^floor: only the octo\/\.github repository's \.github\/single-patch-order\.yml may set a floor/,
        ),
      ],
    });
  });

  it("refuses floor: in another _extends target", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "_extends: policies\n", raw)
      .get(`/repos/octo/policies/contents/${FILE}`)
      .reply(200, "floor:\n  scope:\n    maxFiles: 99\n", raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect(error).toMatchObject({
      source: "octo/policies/.github/single-patch-order.yml",
      problems: [expect.stringMatching(/^floor: only/)],
    });
  });

  it("fails every repository of the owner on an invalid floor, naming the org file", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "scope:\n  maxFiles: 5\n", raw)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .reply(200, "floor:\n  scope:\n    maxFile: 5\n", raw);
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expect(error).toMatchObject({ source: ORG_FILE, problems: ['floor.scope: unknown key "maxFile"'] });
  });

  it("never skips a floor it cannot read: a GitHub outage is a temporary SourceError", async () => {
    nock(API)
      .get(`/repos/octo/shop/contents/${FILE}`)
      .reply(200, "scope:\n  maxFiles: 5\n", raw)
      .get(`/repos/octo/.github/contents/${FILE}`)
      .times(4)
      .reply(502, { message: "bad gateway" });
    const error = await loadRepoSettings(new TestOctokit({ auth: "t" }), repo, "main").catch((e: unknown) => e);
    expectAllMocksDone();
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ temporary: true });
    expect((error as Error).message).toContain("reading octo/.github/.github/single-patch-order.yml");
  });

  it("binds the .github repository itself by its own floor, read once", async () => {
    nock(API).get(`/repos/octo/.github/contents/${FILE}`).reply(200, `rules:\n  rollback-plan: warn\n${FLOOR}`, raw);
    const error = await loadRepoSettings(
      new TestOctokit({ auth: "t" }),
      { owner: "octo", repo: ".github" },
      "main",
    ).catch((e: unknown) => e);
    expectAllMocksDone();
    expect((error as ConfigError).problems[0]).toMatch(
      /^rules\.rollback-plan: warn is looser than the org floor error/,
    );
  });
});
