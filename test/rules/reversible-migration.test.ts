import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change, ChangedFile } from "../../src/core/change.js";
import { reversibleMigration } from "../../src/rules/reversible-migration.js";
import { buildChange, file, GOOD_BODY } from "../../support/build-change.js";

const DATA_PLAN =
  "Run the down migration, then revert the PR; rows written meanwhile keep the new column, which the old code ignores.";
const BODY = GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, `## Rollback plan\n${DATA_PLAN}\n`);
const CODE_PLAN_BODY = GOOD_BODY.replace(
  /## Rollback plan[\s\S]*$/,
  "## Rollback plan\nRevert this PR and redeploy 1.4.2; watch the checkout error rate for ten minutes.\n",
);
const DATA_FIX =
  "say under `## Rollback plan` what happens to the data on rollback: whether the down migration runs, and how rows written meanwhile are kept or restored (backup, snapshot)";

const added = (path: string, lines: string[] = []): ChangedFile =>
  file(path, {
    status: "added",
    additions: lines.length,
    deletions: 0,
    patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}`,
  });
const CREATE = ["ALTER TABLE carts ADD COLUMN currency text;"];

function judge(files: ChangedFile[], overrides: Partial<Change> = {}, config: Config = DEFAULT_CONFIG) {
  const change = buildChange({ body: BODY, ...overrides, files: [file("src/checkout/discount.ts"), ...files] });
  return reversibleMigration.evaluate({ change, config, sections: readBodySections(change.body) });
}

describe("reversible-migration", () => {
  it("skips the default change: no migration changed", () => {
    const change = buildChange();
    expect(
      reversibleMigration.evaluate({ change, config: DEFAULT_CONFIG, sections: readBodySections(change.body) }),
    ).toEqual({ verdict: "skip", message: "No migration changed." });
  });

  it("skips when the only migration was removed", () => {
    expect(judge([file("db/migrations/001_x.sql", { status: "removed" })])).toEqual({
      verdict: "skip",
      message: "No migration changed.",
    });
  });

  it("does not count docs, tests or a Python package marker under the migration paths", () => {
    expect(
      judge([
        added("db/migrations/README.md", ["How to migrate"]),
        added("db/migrations/tests/test_0001.py", ["def test(): pass"]),
        added("shop/migrations/__init__.py"),
      ]),
    ).toEqual({
      verdict: "skip",
      message: "No migration changed.",
    });
  });

  it("passes an up+down pair and names both", () => {
    expect(
      judge([added("db/migrations/001_add_col.up.sql", CREATE), added("db/migrations/001_add_col.down.sql")]),
    ).toEqual({
      verdict: "pass",
      message:
        "Every migration has a down step, `db/migrations/001_add_col.up.sql` (down: `db/migrations/001_add_col.down.sql`), and the rollback plan covers the data.",
      facts: { Migrations: "`db/migrations/001_add_col.up.sql`, `db/migrations/001_add_col.down.sql`" },
    });
  });

  it("passes a Flyway V/U pair", () => {
    expect(
      judge([added("db/migration/V2__add_currency.sql", CREATE), added("db/migration/U2__add_currency.sql")]),
    ).toMatchObject({
      verdict: "pass",
      message:
        "Every migration has a down step, `db/migration/V2__add_currency.sql` (down: `db/migration/U2__add_currency.sql`), and the rollback plan covers the data.",
    });
  });

  it.each([
    ["`x_up.sql` + `x_down.sql`", "db/x_up.sql", "db/x_down.sql"],
    ["diesel `up.sql` + `down.sql`", "migrations/2024-01-01_add/up.sql", "migrations/2024-01-01_add/down.sql"],
    ["`up/` and `down/` folders", "db/migrate/up/003.sql", "db/migrate/down/003.sql"],
    ["a plain file + `.down.sql`", "db/migrations/004_add.sql", "db/migrations/004_add.down.sql"],
    ["a `rollback` file", "db/migrations/005_add.sql", "db/migrations/005_add_rollback.sql"],
  ])("pairs %s", (_, up, down) => {
    expect(judge([added(up, CREATE), added(down)])).toMatchObject({
      verdict: "pass",
      message: `Every migration has a down step, \`${up}\` (down: \`${down}\`), and the rollback plan covers the data.`,
    });
  });

  it("does not pair a down file of another migration", () => {
    expect(
      judge([added("db/migrations/006_add.up.sql", CREATE), added("db/migrations/007_drop.down.sql")]),
    ).toMatchObject({
      verdict: "fail",
      message: "`db/migrations/006_add.up.sql` has no down step.",
      findings: [
        {
          path: "db/migrations/006_add.up.sql",
          line: 1,
          message: "This migration has no down step: add its down migration `006_add.down.sql`.",
        },
      ],
    });
  });

  it("passes a change that only adds a down migration", () => {
    expect(judge([added("db/migrations/U3__undo.sql")])).toMatchObject({
      verdict: "pass",
      message:
        "Every migration has a down step, `db/migrations/U3__undo.sql` (a down migration), and the rollback plan covers the data.",
    });
  });

  it.each([
    [
      "Rails `def down`",
      "db/migrate/20240101_add_currency.rb",
      [
        "class AddCurrency < ActiveRecord::Migration[7.1]",
        "  def up",
        "    add_column :carts, :currency, :string",
        "  end",
        "  def down",
        "    remove_column :carts, :currency",
        "  end",
        "end",
      ],
      "`def down`",
    ],
    [
      "Rails reversible `def change`",
      "db/migrate/20240101_add_currency.rb",
      [
        "class AddCurrency < ActiveRecord::Migration[7.1]",
        "  def change",
        "    add_column :carts, :currency, :string",
        "  end",
        "end",
      ],
      "`def change` (reversible)",
    ],
    [
      "Alembic `def downgrade()`",
      "migrations/versions/abc_add.py",
      [
        "def upgrade():",
        "    op.add_column('carts', sa.Column('currency'))",
        "def downgrade():",
        "    op.drop_column('carts', 'currency')",
      ],
      "`def downgrade()`",
    ],
    [
      "knex `exports.down`",
      "migrations/20240101_add.js",
      [
        "exports.up = (knex) => knex.schema.table('carts', (t) => t.string('currency'));",
        "exports.down = (knex) => knex.schema.table('carts', (t) => t.dropColumn('currency'));",
      ],
      "`exports.down`",
    ],
    [
      "TypeORM `async down()`",
      "src/migrations/1700000000-AddCurrency.ts",
      [
        "export class AddCurrency1700000000 implements MigrationInterface {",
        "  public async up(q: QueryRunner): Promise<void> {}",
        "  public async down(q: QueryRunner): Promise<void> {}",
        "}",
      ],
      "`down()`",
    ],
    [
      "Sequelize `down:`",
      "migrations/20240101-add.js",
      ["module.exports = {", "  up: async (qi) => {},", "  down: async (qi) => {},", "};"],
      "`down:`",
    ],
    [
      "Laravel `public function down()`",
      "database/migrations/2024_01_01_add.php",
      ["public function up(): void {}", "public function down(): void {}"],
      "`down()`",
    ],
    [
      "sql-migrate `-- +migrate Down`",
      "db/migrations/1_add.sql",
      ["-- +migrate Up", ...CREATE, "-- +migrate Down", "ALTER TABLE carts DROP COLUMN currency;"],
      "`-- +migrate Down`",
    ],
    [
      "dbmate `-- migrate:down`",
      "db/migrations/2_add.sql",
      ["-- migrate:up", ...CREATE, "-- migrate:down", "ALTER TABLE carts DROP COLUMN currency;"],
      "`-- migrate:down`",
    ],
    [
      "goose `-- +goose Down`",
      "db/migrations/3_add.sql",
      ["-- +goose Up", ...CREATE, "-- +goose Down", "ALTER TABLE carts DROP COLUMN currency;"],
      "`-- +goose Down`",
    ],
    [
      "goose Go `AddMigration(up, down)`",
      "db/migrations/4_add.go",
      ["func init() { goose.AddMigrationContext(upAdd, downAdd) }"],
      "`goose.AddMigration(up, down)`",
    ],
    [
      "Liquibase `--rollback`",
      "db/changelog/5_add.sql",
      ["--changeset me:5", ...CREATE, "--rollback ALTER TABLE carts DROP COLUMN currency;"],
      "`--rollback`",
    ],
    [
      "Django `RunPython` with reverse_code",
      "shop/migrations/0005_backfill.py",
      [
        "class Migration(migrations.Migration):",
        "    operations = [",
        "        migrations.RunPython(backfill, reverse_code=unbackfill),",
        "    ]",
      ],
      "`reverse_code`",
    ],
    [
      "Django `RunPython(forward, backward)`",
      "shop/migrations/0006_backfill.py",
      [
        "class Migration(migrations.Migration):",
        "    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]",
      ],
      "`reverse_code`",
    ],
    [
      "Django schema operations",
      "shop/migrations/0007_add.py",
      [
        "class Migration(migrations.Migration):",
        "    operations = [",
        "        migrations.AddField(model_name='cart', name='currency', field=models.TextField(null=True)),",
        "    ]",
      ],
      "Django reverses its operations",
    ],
  ])("passes %s", (_, path, lines, step) => {
    expect(judge([added(path, lines)])).toMatchObject({
      verdict: "pass",
      message: `Every migration has a down step, \`${path}\` (${step}), and the rollback plan covers the data.`,
    });
  });

  it.each([
    [
      "a plain SQL migration",
      "db/migrations/008_add.sql",
      CREATE,
      "add a down migration (e.g. a `.down.sql` file) or a `-- migrate:down` section",
    ],
    [
      "a Flyway V migration alone",
      "db/migration/V9__add_currency.sql",
      CREATE,
      "add its undo migration `U9__add_currency.sql`",
    ],
    ["an `_up.sql` alone", "db/x_up.sql", CREATE, "add its down migration `x_down.sql`"],
    [
      "Rails `def up` only",
      "db/migrate/20240101_add.rb",
      ["  def up", "    execute 'UPDATE carts SET currency = 1'", "  end"],
      "add `def down`, or use only reversible operations in `def change`",
    ],
    [
      "Rails `def change` with `execute`",
      "db/migrate/20240102_fill.rb",
      ["  def change", "    execute 'UPDATE carts SET currency = 1'", "  end"],
      "add `def down`, or use only reversible operations in `def change`",
    ],
    [
      "Rails `def change` removing a column without its type",
      "db/migrate/20240103_rm.rb",
      ["  def change", "    remove_column :carts, :currency", "  end"],
      "add `def down`, or use only reversible operations in `def change`",
    ],
    [
      "Alembic with only `upgrade()`",
      "migrations/versions/abc.py",
      ["def upgrade():", "    op.add_column('carts', sa.Column('currency'))"],
      "add `def downgrade()` (Alembic) or a `reverse_code` to `RunPython` (Django)",
    ],
    [
      "Django `RunPython` without reverse",
      "shop/migrations/0008_backfill.py",
      ["class Migration(migrations.Migration):", "    operations = [migrations.RunPython(backfill)]"],
      "add `def downgrade()` (Alembic) or a `reverse_code` to `RunPython` (Django)",
    ],
    [
      "knex with only `exports.up`",
      "migrations/20240101_add.js",
      ["exports.up = (knex) => knex.raw('ALTER TABLE carts ADD currency text');"],
      "add a `down` function (`exports.down` or `async down()`)",
    ],
    [
      "goose Go with a nil down",
      "db/migrations/4_add.go",
      ["func init() { goose.AddMigration(upAdd, nil) }"],
      "pass a down function to `goose.AddMigration(up, down)`",
    ],
  ])("fails %s, with a finding on the file", (_, path, lines, hint) => {
    expect(judge([added(path, lines)])).toEqual({
      verdict: "fail",
      message: `\`${path}\` has no down step.`,
      fix: `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`,
      facts: { Migrations: `\`${path}\`` },
      findings: [{ path, line: 1, message: `This migration has no down step: ${hint}.` }],
    });
  });

  it("reads the head side of a modified migration's diff, context included", () => {
    const patch =
      "@@ -3,4 +3,5 @@\n def down\n-  remove_column :carts, :currency\n+  remove_column :carts, :currency, :string\n end";
    expect(judge([file("db/migrate/20240101_add.rb", { patch })])).toMatchObject({ verdict: "pass" });
    const removed = "@@ -3,4 +3,2 @@\n-def down\n-  remove_column :carts, :currency\n end";
    expect(judge([file("db/migrate/20240101_add.rb", { patch: removed })])).toMatchObject({ verdict: "fail" });
    const removedSql =
      "@@ -1,3 +1,1 @@\n ALTER TABLE carts ADD COLUMN currency text;\n--- +migrate Down\n-ALTER TABLE carts DROP COLUMN currency;";
    expect(judge([file("db/migrations/010_x.sql", { patch: removedSql })])).toMatchObject({
      verdict: "fail",
      message: "`db/migrations/010_x.sql` has no down step.",
    });
  });

  it("reads a 1 MB rollback plan full of `#` and `*` characters", () => {
    const plan = "# * ** #x *y* ##\n".repeat(70_000);
    expect(plan.length).toBeGreaterThan(1_000_000);
    const body = GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, `## Rollback plan\n${plan}`);
    expect(
      judge([added("db/migrations/001_add_col.up.sql", CREATE), added("db/migrations/001_add_col.down.sql")], { body }),
    ).toMatchObject({
      verdict: "fail",
      message: "The rollback plan does not say what happens to the data.",
    });
    const dataPlan = GOOD_BODY.replace(
      /## Rollback plan[\s\S]*$/,
      `## Rollback plan\n${"* x *\n".repeat(200_000)}Restore the backup.`,
    );
    expect(
      judge([added("db/migrations/001_add_col.up.sql", CREATE), added("db/migrations/001_add_col.down.sql")], {
        body: dataPlan,
      }),
    ).toMatchObject({ verdict: "pass" });
  });

  it("says when a migration's diff is not available", () => {
    expect(judge([file("db/migrations/011_big.sql")])).toMatchObject({
      verdict: "fail",
      findings: [
        {
          path: "db/migrations/011_big.sql",
          line: 1,
          message:
            "No down step found: this migration's diff is not available and no down counterpart changed; add a down migration (e.g. a `.down.sql` file) or a `-- migrate:down` section.",
        },
      ],
    });
  });

  it("names every migration without a down step, one finding each", () => {
    const outcome = judge([
      added("db/migrations/012_a.sql", CREATE),
      added("db/migrations/013_b.sql", CREATE),
      added("db/migrations/014_c.up.sql", CREATE),
      added("db/migrations/014_c.down.sql"),
    ]);
    expect(outcome).toMatchObject({
      verdict: "fail",
      message: "2 migrations have no down step: `db/migrations/012_a.sql` and `db/migrations/013_b.sql`.",
      fix: "Add a down step to each migration named in the annotations.",
    });
    expect(outcome.findings?.map((f) => f.path)).toEqual(["db/migrations/012_a.sql", "db/migrations/013_b.sql"]);
  });

  it("fails a rollback plan that never mentions the data", () => {
    expect(
      judge([added("db/migrations/001_add_col.up.sql", CREATE), added("db/migrations/001_add_col.down.sql")], {
        body: CODE_PLAN_BODY,
      }),
    ).toEqual({
      verdict: "fail",
      message: "The rollback plan does not say what happens to the data.",
      fix: `${DATA_FIX.charAt(0).toUpperCase()}${DATA_FIX.slice(1)}.`,
      facts: { Migrations: "`db/migrations/001_add_col.up.sql`, `db/migrations/001_add_col.down.sql`" },
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
    expect(
      judge([added("db/migrations/001_add_col.up.sql", CREATE), added("db/migrations/001_add_col.down.sql")], { body }),
    ).toMatchObject({ verdict: "fail", message });
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
    expect(
      judge([added("db/migrations/001_add_col.up.sql", CREATE), added("db/migrations/001_add_col.down.sql")], { body }),
    ).toMatchObject({ verdict: "pass" });
  });

  it("names both problems at once", () => {
    expect(judge([added("db/migrations/008_add.sql", CREATE)], { body: CODE_PLAN_BODY })).toMatchObject({
      verdict: "fail",
      message: "`db/migrations/008_add.sql` has no down step; the rollback plan does not say what happens to the data.",
      fix: `Add a down migration (e.g. a \`.down.sql\` file) or a \`-- migrate:down\` section; ${DATA_FIX}.`,
    });
  });

  it("uses migrations.paths", () => {
    const config = parseConfig({ migrations: { paths: ["schema/**"] } }, "test");
    expect(judge([added("db/migrations/008_add.sql", CREATE)], {}, config)).toEqual({
      verdict: "skip",
      message: "No migration changed.",
    });
    expect(judge([added("schema/008_add.sql", CREATE)], {}, config)).toMatchObject({
      verdict: "fail",
      message: "`schema/008_add.sql` has no down step.",
    });
  });
});
