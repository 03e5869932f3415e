import { afterAll, describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import { createGitRepo, type TempRepo } from "../helpers/git-repo.js";
import { checkJson } from "../helpers/run-cli.js";

/**
 * `spo check` on real repositories of other ecosystems: the local source gathers what the
 * planner asks for (texts at the merge base and the head, the base tree, the release tags).
 */
const cleanup: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(cleanup.map((f) => f())));

const pom = (artifact: string, version: string, modules = "") =>
  `<project><modelVersion>4.0.0</modelVersion><groupId>cn.x</groupId><artifactId>${artifact}</artifactId><version>${version}</version>${modules}</project>\n`;
const modulePom = (artifact: string, parentVersion: string) =>
  `<project><parent><groupId>cn.x</groupId><artifactId>parent</artifactId><version>${parentVersion}</version></parent><artifactId>${artifact}</artifactId></project>\n`;

/** A repository on `main` with `files`, a release tag, and a hotfix branch that commits `change`. */
async function hotfix(
  files: Record<string, string>,
  change: Record<string, string | null>,
  tag?: string,
): Promise<TempRepo> {
  const repo = await createGitRepo(files);
  cleanup.push(repo.remove);
  if (tag) await repo.git.raw(["tag", tag]);
  await repo.branch("hotfix/SHOP-7-fix");
  await repo.commitFiles(`SHOP-7: fix the thing\n\n${GOOD_BODY}`, change);
  return repo;
}

describe("spo check on other ecosystems", () => {
  const reactor = {
    "pom.xml": pom("parent", "5.8.34-SNAPSHOT", "<modules><module>core</module><module>json</module></modules>"),
    "core/pom.xml": modulePom("core", "5.8.34-SNAPSHOT"),
    "json/pom.xml": modulePom("json", "5.8.34-SNAPSHOT"),
    "core/src/main/java/A.java": "class A {}\n",
  };

  it.each([
    ["5.8.34", "pass"],
    ["5.9.0", "fail"],
  ])("judges a Maven reactor release to %s against the previous release tag 5.8.33", async (version, semver) => {
    const repo = await hotfix(
      reactor,
      {
        "pom.xml": pom("parent", version, "<modules><module>core</module><module>json</module></modules>"),
        "core/pom.xml": modulePom("core", version),
        "json/pom.xml": modulePom("json", version),
      },
      "5.8.33",
    );
    const result = await checkJson(repo.dir, ["--base", "main"]);
    expect(result.verdictOf("single-scope")).toBe("pass");
    expect(result.verdictOf("dependency-change")).toBe("pass");
    expect(result.verdictOf("semver-patch")).toBe(semver);
  });

  it("fails two Maven modules in one hotfix, from the modules the root pom declares", async () => {
    const repo = await hotfix(reactor, {
      "core/src/main/java/A.java": "class A { int a; }\n",
      "json/src/main/java/B.java": "class B {}\n",
    });
    const result = await checkJson(repo.dir, ["--base", "main"]);
    expect(result.report?.rules.find((r) => r.id === "single-scope")?.message).toBe(
      "Production files span 2 scopes: `core` (1 file), `json` (1 file).",
    );
  });

  it("fails a Rails data migration in def change, and passes one Rails can reverse", async () => {
    const app = { "config/application.rb": "module Shop\nend\n", "app/models/user.rb": "class User; end\n" };
    const migration = (body: string) =>
      `class X < ActiveRecord::Migration[8.0]\n  def change\n    ${body}\n  end\nend\n`;
    const bad = await hotfix(app, {
      "db/migrate/20260101_x.rb": migration("User.where(age: nil).update_all(age: 0)"),
      "app/models/user.rb": "class User; end # age\n",
    });
    const badResult = await checkJson(bad.dir, ["--base", "main"]);
    expect(badResult.code).toBe(1);
    expect(badResult.verdictOf("reversible-migration")).toBe("fail");
    expect(badResult.verdictOf("single-scope")).toBe("pass");
    const good = await hotfix(app, { "db/migrate/20260101_x.rb": migration("add_column :users, :age, :integer") });
    expect((await checkJson(good.dir, ["--base", "main"])).verdictOf("reversible-migration")).toBe("pass");
  });

  it("counts a Rust hunk inside #[cfg(test)] as test evidence, read from the head file", async () => {
    const lib = (assertion: string) =>
      `pub fn len(s: &str) -> usize {\n    s.len()\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn counts() {\n${assertion}    }\n}\n`;
    const repo = await hotfix(
      { "crates/a/src/lib.rs": lib("") },
      { "crates/a/src/lib.rs": lib('        assert_eq!(super::len("ab"), 2);\n') },
    );
    const result = await checkJson(repo.dir, ["--base", "main"]);
    expect(result.verdictOf("test-evidence")).toBe("pass");
    expect(result.verdictOf("single-scope")).toBe("pass");
  });
});
