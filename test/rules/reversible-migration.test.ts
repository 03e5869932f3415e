import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import type { Change, ChangedFile } from "../../src/core/change.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import { reversibleMigration } from "../../src/rules/reversible-migration.js";
import { buildChange, file, GOOD_BODY, type TextFile, textFile } from "../../support/build-change.js";

const DATA_PLAN =
  "Run the down migration, then revert the PR; rows written meanwhile keep the new column, which the old code ignores.";
const BODY = GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, `## Rollback plan\n${DATA_PLAN}\n`);
const CODE_PLAN_BODY = GOOD_BODY.replace(
  /## Rollback plan[\s\S]*$/,
  "## Rollback plan\nRevert this PR and redeploy 1.4.2; watch the checkout error rate for ten minutes.\n",
);
const DATA_FIX =
  "say under `## Rollback plan` what happens to the data on rollback: whether the down migration runs, and how rows written meanwhile are kept or restored (backup, snapshot)";

const UP = "ALTER TABLE carts ADD COLUMN currency text;\n";
const DOWN = "ALTER TABLE carts DROP COLUMN currency;\n";
const added = (path: string, text: string) => textFile(path, null, text);
const PAIR = [added("db/migrations/001_add_col.up.sql", UP), added("db/migrations/001_add_col.down.sql", DOWN)];

function judge(files: Array<ChangedFile | TextFile>, overrides: Partial<Change> = {}, config: Config = DEFAULT_CONFIG) {
  const change = buildChange({ body: BODY, ...overrides, files: [file("src/checkout/discount.ts"), ...files] });
  return reversibleMigration.evaluate({ change, config, sections: readBodySections(change.body) });
}

describe("reversible-migration: what counts as a migration", () => {
  it("skips the default change: no migration changed", () => {
    expect(judge([])).toEqual({ verdict: "skip", message: "No migration changed." });
  });

  it("does not count docs, tests, package markers or a framework's support files", () => {
    expect(
      judge([
        added("db/migrations/README.md", "How to migrate\n"),
        added("db/migrations/tests/test_0001.py", "def test(): pass\n"),
        added("shop/migrations/__init__.py", ""),
        added("migrations/env.py", "context.run_migrations()\n"),
        textFile("db/clickhouse/schema.sql", "CREATE TABLE a (id int);\n", ""),
        added("prisma/migrations/migration_lock.toml", 'provider = "postgresql"\n'),
        added("Data/Migrations/20260101_X.Designer.cs", "partial class X {}\n"),
        textFile("Data/Migrations/AppDbModelSnapshot.cs", "class S {}\n", "class S { int a; }\n"),
        textFile("config/migrations/migrations.go", "package migrations\n", "package migrations\n//go:embed */*.sql\n"),
      ]),
    ).toEqual({ verdict: "skip", message: "No migration changed." });
  });

  it("does not judge renames that left 150 migrations unchanged", () => {
    const moved = Array.from({ length: 150 }, (_, i) =>
      file(`db/migrate/2024_${i}_x.rb`, {
        status: "renamed",
        previousPath: `db/old/2024_${i}_x.rb`,
        additions: 0,
        deletions: 0,
      }),
    );
    expect(judge(moved, { previousRelease: { tag: "v1.0.0", version: "1.0.0", paths: [] } })).toEqual({
      verdict: "skip",
      message: "No migration changed.",
    });
  });

  it("matches migration paths in either case (EF Core `Migrations/`)", () => {
    const up =
      'class X : Migration {\n  protected override void Up(MigrationBuilder b) { b.Sql("DELETE FROM T"); }\n}\n';
    expect(judge([added("src/Data/Migrations/20260101_X.cs", up)])).toMatchObject({
      verdict: "fail",
      message: "`src/Data/Migrations/20260101_X.cs` has no way back: it has no `Down()`.",
    });
  });

  it("uses migrations.paths", () => {
    const config = parseConfig({ migrations: { paths: ["schema/**"] } }, "test");
    expect(judge([added("db/migrations/008_add.up.sql", UP)], {}, config)).toEqual({
      verdict: "skip",
      message: "No migration changed.",
    });
    expect(judge([added("schema/008_add.up.sql", UP)], {}, config)).toMatchObject({ verdict: "fail" });
  });
});

describe("reversible-migration: a way back", () => {
  it("passes an up+down pair, with the reason of each", () => {
    expect(judge(PAIR)).toEqual({
      verdict: "pass",
      message:
        "Every migration has a way back, `db/migrations/001_add_col.up.sql` (down: `db/migrations/001_add_col.down.sql`) and `db/migrations/001_add_col.down.sql` (a down migration), and the rollback plan covers the data.",
      facts: { Migrations: "`db/migrations/001_add_col.up.sql`, `db/migrations/001_add_col.down.sql`" },
    });
  });

  it("finds a down file the change does not touch but the head has", () => {
    const change = { contents: { base: {}, head: { "db/migrations/002_x.down.sql": DOWN } } };
    expect(judge([added("db/migrations/002_x.up.sql", UP)], change).verdict).toBe("pass");
  });

  it("fails an up file without its down file, with a finding on the file", () => {
    expect(judge([added("db/migrations/002_x.up.sql", UP)], { baseTree: { paths: [], complete: true } })).toEqual({
      verdict: "fail",
      message: "`db/migrations/002_x.up.sql` has no way back: it has no down migration `db/migrations/002_x.down.sql`.",
      fix: "Add `002_x.down.sql` that undoes it.",
      facts: { Migrations: "`db/migrations/002_x.up.sql`" },
      findings: [
        {
          path: "db/migrations/002_x.up.sql",
          line: 1,
          message:
            "No way back: it has no down migration `db/migrations/002_x.down.sql`; add `002_x.down.sql` that undoes it.",
        },
      ],
    });
  });

  it("judges the whole head text, not only the lines the diff shows", () => {
    const base = 'CREATE TABLE "board" ("slug" text);\n';
    const head = `ALTER TABLE "board" DROP COLUMN "slug";\n${"-- padding\n".repeat(20)}${base}`;
    const edited = textFile("prisma/migrations/19_x/migration.sql", base, head);
    expect(judge([edited])).toMatchObject({
      verdict: "fail",
      message:
        "`prisma/migrations/19_x/migration.sql` has no way back: a Prisma migration that runs ALTER TABLE … DROP: no way back for the data.",
    });
  });

  it("falls back to the diff, and says so, when the head text could not be read", () => {
    const patch = "@@ -1,1 +1,2 @@\n CREATE TABLE a (id int);\n+CREATE INDEX i ON a (id);";
    expect(judge([file("db/clickhouse/migrations/7_x.sql", { patch })])).toMatchObject({
      verdict: "pass",
      message: expect.stringContaining("(judged from the diff: the file could not be read)"),
    });
  });

  it("fails closed when neither the text nor the diff of a migration is known", () => {
    expect(judge([file("db/migrations/011_big.sql")])).toMatchObject({
      verdict: "fail",
      message:
        "`db/migrations/011_big.sql` has no way back: its text could not be read, so its way back could not be checked.",
    });
  });

  it("names every migration without a way back, one finding each", () => {
    const outcome = judge([
      added("db/migrations/012_a.sql", "DROP TABLE a;\n"),
      added("db/migrations/013_b.sql", "UPDATE b SET c = 1;\n"),
      ...PAIR,
    ]);
    expect(outcome).toMatchObject({
      verdict: "fail",
      message: "2 migrations have no way back: `db/migrations/012_a.sql` and `db/migrations/013_b.sql`.",
      fix: "Give each migration named in the annotations a way back.",
    });
    expect(outcome.findings?.map((f) => f.path)).toEqual(["db/migrations/012_a.sql", "db/migrations/013_b.sql"]);
  });
});

describe("reversible-migration: migrations that already shipped", () => {
  const SHIPPED = "db/migrations/012_namespaces.up.sql";
  const release = { tag: "v1.47.0", version: "1.47.0", paths: [SHIPPED] };

  it("fails an edit of a migration that is in the previous release, whatever the edit", () => {
    const edited = textFile(SHIPPED, UP, UP.replace("text", "text NULL"));
    expect(judge([edited], { previousRelease: release })).toMatchObject({
      verdict: "fail",
      message: `\`${SHIPPED}\` has no way back: this change edits a migration that already shipped (it is in v1.47.0): databases that ran it never see the change.`,
      fix: "Leave the shipped migration as it is and add a new migration that makes the change.",
    });
  });

  it("fails the deletion of a shipped migration, and ignores one that never shipped", () => {
    const shipped = file(SHIPPED, { status: "removed" });
    const unreleased = file("db/migrations/099_draft.up.sql", { status: "removed" });
    expect(judge([shipped, unreleased], { previousRelease: release })).toMatchObject({
      verdict: "fail",
      message: expect.stringContaining("this change deletes a migration that already shipped (it is in v1.47.0)"),
      facts: { Migrations: `\`${SHIPPED}\`` },
    });
    expect(judge([unreleased], { previousRelease: release })).toEqual({
      verdict: "skip",
      message: "No migration changed.",
    });
  });

  it("judges an edit of a migration the previous release does not hold on its head text", () => {
    const edited = textFile(
      "db/migrations/016_boards.sql",
      "CREATE TABLE b (id int);\nCREATE INDEX i ON b (id);\n",
      "CREATE TABLE b (id int);\n",
    );
    expect(judge([edited], { previousRelease: release }).verdict).toBe("pass");
  });

  it("counts what is on the base branch as shipped when the repository has no release tag", () => {
    const edited = textFile("priv/repo/migrations/2014_users.exs", "x\n", "y\n");
    expect(judge([edited], { previousRelease: null })).toMatchObject({
      verdict: "fail",
      message: expect.stringContaining(
        "the repository has no release tag, so what is on the base branch counts as shipped",
      ),
    });
  });
});

describe("reversible-migration: the rollback plan speaks of the data", () => {
  it("fails a rollback plan that never mentions the data", () => {
    expect(judge(PAIR, { body: CODE_PLAN_BODY })).toMatchObject({
      verdict: "fail",
      message: "The rollback plan does not say what happens to the data.",
      fix: `${DATA_FIX.charAt(0).toUpperCase()}${DATA_FIX.slice(1)}.`,
    });
  });

  it.each([
    [
      "no rollback plan",
      GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, ""),
      "There is no `Rollback plan` section to say what happens to the data.",
    ],
    [
      "a placeholder rollback plan that says `none`",
      GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, "## Rollback plan\nnone\n"),
      "The rollback plan does not say what happens to the data.",
    ],
  ])("fails with %s", (_, body, message) => {
    expect(judge(PAIR, { body })).toMatchObject({ verdict: "fail", message });
  });

  it.each([
    "database",
    "Schema",
    "table",
    "columns",
    "rows",
    "backfill",
    "restore",
    "backup",
    "snapshot",
    "down",
    "downgrade",
    "migration",
    "data",
  ])("accepts a rollback plan that speaks of %j", (word) => {
    const body = GOOD_BODY.replace(
      /## Rollback plan[\s\S]*$/,
      `## Rollback plan\nRevert this PR and redeploy 1.4.2; check the ${word} afterwards.\n`,
    );
    expect(judge(PAIR, { body })).toMatchObject({ verdict: "pass" });
  });

  it("reads a 1 MB rollback plan full of `#` and `*` characters", () => {
    const plan = "# * ** #x *y* ##\n".repeat(70_000);
    expect(plan.length).toBeGreaterThan(1_000_000);
    const body = GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, `## Rollback plan\n${plan}`);
    expect(judge(PAIR, { body })).toMatchObject({
      verdict: "fail",
      message: "The rollback plan does not say what happens to the data.",
    });
  });

  it("names both problems at once", () => {
    expect(judge([added("db/migrations/008_add.sql", "DROP TABLE a;\n")], { body: CODE_PLAN_BODY })).toMatchObject({
      verdict: "fail",
      message:
        "`db/migrations/008_add.sql` has no way back: a SQL file without a down file that runs DROP: no way back for the data; the rollback plan does not say what happens to the data.",
    });
  });
});
