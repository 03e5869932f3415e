import { describe, expect, it } from "vitest";
import { migrationJudges } from "../../../src/core/readers/migrations/index.js";

/** Judges `text` as the registry would: the first judge that claims it. */
function judge(path: string, text: string, others: Record<string, string | null> = {}) {
  const judgeFor = migrationJudges.find((j) => j.claims(path, text));
  const verdict = judgeFor?.judge({ path, text, headText: (p) => (p in others ? others[p] : null) });
  return { framework: judgeFor?.framework, reversible: verdict?.reversible, reason: verdict?.reason };
}

const rails = (body: string) => `class X < ActiveRecord::Migration[8.0]\n${body}\nend\n`;

describe("Rails migrations", () => {
  it.each([
    ["add_column in def change", rails("  def change\n    add_column :users, :age, :integer\n  end"), true],
    [
      "rename_column and add_index",
      rails("  def change\n    rename_column :users, :a, :b\n    add_index :users, :b\n  end"),
      true,
    ],
    [
      "create_table with a block",
      rails("  def change\n    create_table :tags do |t|\n      t.string :name\n    end\n  end"),
      true,
    ],
    [
      "remove_column with its type",
      rails("  def change\n    remove_column :messages, :read, :boolean, default: false\n  end"),
      true,
    ],
    [
      "a reversible block",
      rails(
        "  def change\n    reversible do |dir|\n      dir.up { execute 'x' }\n      dir.down { execute 'y' }\n    end\n  end",
      ),
      true,
    ],
    [
      "def up and def down",
      rails("  def up\n    change_column :a, :b, :text\n  end\n\n  def down\n    change_column :a, :b, :string\n  end"),
      true,
    ],
    ["execute in def change", rails('  def change\n    execute "UPDATE users SET age = 0"\n  end'), false],
    ["remove_column without a type", rails("  def change\n    remove_column :users, :age\n  end"), false],
    ["a data update in def change", rails("  def change\n    User.where(age: nil).update_all(age: 0)\n  end"), false],
    [
      "change_column_default without from/to",
      rails("  def change\n    change_column_default :users, :age, 0\n  end"),
      false,
    ],
    [
      "def down raising IrreversibleMigration",
      rails("  def up\n    drop_table :x\n  end\n\n  def down\n    raise ActiveRecord::IrreversibleMigration\n  end"),
      false,
    ],
    ["def up alone", rails("  def up\n    add_column :a, :b, :text\n  end"), false],
  ])("%s", (_name, text, reversible) => {
    expect(judge("db/migrate/20250101000000_x.rb", text)).toMatchObject({ framework: "Rails", reversible });
  });

  it("names the statement Rails cannot reverse", () => {
    expect(judge("db/migrate/1_x.rb", rails('  def change\n    execute "DELETE FROM x"\n  end')).reason).toBe(
      'its `def change` runs `execute "DELETE FROM x"`, which Rails cannot reverse',
    );
  });
});

const django = (operations: string) =>
  `from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = []\n\n    operations = [\n        ${operations}\n    ]\n`;

describe("Django migrations", () => {
  it.each([
    ["schema operations", django('migrations.RemoveField(model_name="ping", name="body"),'), true],
    ["RunPython with a reverse function", django("migrations.RunPython(forward, backward),"), true],
    ["RunPython with reverse_code=", django("migrations.RunPython(forward, reverse_code=backward),"), true],
    [
      "RunSQL with reverse_sql",
      django('migrations.RunSQL("UPDATE a SET b = 1", reverse_sql="UPDATE a SET b = 0"),'),
      true,
    ],
    ["RunPython without a reverse", django("migrations.RunPython(forward),"), false],
    ["RunPython reversed by noop", django("migrations.RunPython(forward, migrations.RunPython.noop),"), false],
    ["RunSQL without reverse_sql", django('migrations.RunSQL("DELETE FROM a"),'), false],
    ["RunSQL reversed by noop", django('migrations.RunSQL("DELETE FROM a", migrations.RunSQL.noop),'), false],
  ])("%s", (_name, text, reversible) => {
    expect(judge("hc/api/migrations/0120_x.py", text)).toMatchObject({ framework: "Django", reversible });
  });
});

const alembic = (downgrade: string) =>
  `revision = "abc"\ndown_revision = "def"\n\n\ndef upgrade():\n    op.execute("UPDATE alerts SET x = 1")\n\n\ndef downgrade():\n${downgrade}\n`;

describe("Alembic revisions", () => {
  it.each([
    ["a downgrade that undoes the upgrade", alembic('    op.execute("UPDATE alerts SET x = NULL")'), true],
    ["downgrade(): pass", alembic("    pass"), false],
    ["a downgrade of only a docstring and a comment", alembic('    """Nothing to do."""\n    # not reversible'), false],
  ])("%s", (_name, text, reversible) => {
    expect(judge("migrations/versions/1655_x.py", text)).toMatchObject({ framework: "Alembic", reversible });
  });

  it("fails a revision without downgrade()", () => {
    expect(
      judge("alembic/versions/1_x.py", 'revision = "a"\n\ndef upgrade():\n    op.drop_table("x")\n'),
    ).toMatchObject({
      reversible: false,
      reason: "it has no `downgrade()`",
    });
  });
});

const ecto = (body: string) => `defmodule Repo.Migrations.X do\n  use Ecto.Migration\n\n${body}\nend\n`;

describe("Ecto migrations", () => {
  it.each([
    [
      "up and down",
      ecto("  def up do\n    create index(:a, [:b])\n  end\n\n  def down do\n    drop index(:a, [:b])\n  end"),
      true,
    ],
    [
      "a reversible change",
      ecto("  def change do\n    alter table(:a) do\n      add :b, :string\n    end\n  end"),
      true,
    ],
    [
      "execute/2 in change",
      ecto('  def change do\n    execute("CREATE EXTENSION x", "DROP EXTENSION x")\n  end'),
      true,
    ],
    [
      "a down that only raises",
      ecto(
        '  def up do\n    drop table(:reports)\n  end\n\n  def down do\n    raise Ecto.MigrationError, message: "gone"\n  end',
      ),
      false,
    ],
    ["execute/1 in change", ecto('  def change do\n    execute("UPDATE a SET b = 1")\n  end'), false],
    [
      "remove without a type in change",
      ecto("  def change do\n    alter table(:a) do\n      remove :b\n    end\n  end"),
      false,
    ],
  ])("%s", (_name, text, reversible) => {
    expect(judge("priv/repo/migrations/20260101_x.exs", text)).toMatchObject({ framework: "Ecto", reversible });
  });
});

const laravel = (down: string) =>
  `<?php\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n        DB::table('pages')->update(['editor' => 'x']);\n    }\n\n    public function down(): void\n    {\n${down}\n    }\n};\n`;

describe("Laravel migrations", () => {
  it("passes a down() that undoes up()", () => {
    expect(
      judge("database/migrations/2024_x.php", laravel("        DB::table('pages')->update(['editor' => '']);")),
    ).toMatchObject({
      framework: "Laravel",
      reversible: true,
    });
  });

  it("fails a down() with only a comment under a data change", () => {
    expect(judge("database/migrations/2024_x.php", laravel("        // Not reversible."))).toMatchObject({
      reversible: false,
      reason: "its `down()` is empty",
    });
  });
});

describe("Knex, Sequelize and TypeORM migrations", () => {
  it.each([
    [
      "knex exports.down",
      "exports.up = (knex) => knex.schema.createTable('a', () => {});\nexports.down = (knex) => knex.schema.dropTable('a');\n",
      true,
    ],
    ["knex with only exports.up", "exports.up = function (knex) {\n  return knex('a').del();\n};\n", false],
    [
      "an empty async down()",
      "export async function up(knex) {\n  await knex.raw('DELETE FROM a');\n}\nexport async function down() {}\n",
      false,
    ],
    [
      "Sequelize down:",
      "module.exports = {\n  up: async (q) => { await q.addColumn('a', 'b', {}); },\n  down: async (q) => { await q.removeColumn('a', 'b'); },\n};\n",
      true,
    ],
    [
      "TypeORM async down()",
      "export class X {\n  async up(q) { await q.query('ALTER TABLE a ADD b int'); }\n  async down(q) { await q.query('ALTER TABLE a DROP b'); }\n}\n",
      true,
    ],
  ])("%s", (_name, text, reversible) => {
    expect(judge("migrations/20240101_x.js", text)).toMatchObject({
      framework: "Knex, Sequelize, TypeORM",
      reversible,
    });
  });
});

const efCore = (down: string) =>
  `public partial class X : Migration\n{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {\n        migrationBuilder.Sql("DELETE FROM Permissions");\n    }\n\n    protected override void Down(MigrationBuilder migrationBuilder)\n    {\n${down}\n    }\n}\n`;

describe("EF Core migrations", () => {
  it("passes a non-empty Down()", () => {
    expect(
      judge("Migrations/20260101_X.cs", efCore('        migrationBuilder.DropIndex(name: "IX", table: "T");')),
    ).toMatchObject({
      framework: "EF Core",
      reversible: true,
    });
  });

  it("fails an empty Down()", () => {
    expect(judge("Migrations/20260101_X.cs", efCore(""))).toMatchObject({
      reversible: false,
      reason: "its `Down()` is empty",
    });
  });
});

describe("SQL migrations", () => {
  it.each([
    [
      "a golang-migrate pair",
      "db/1_a.up.sql",
      "ALTER TABLE a ADD b int;",
      { "db/1_a.down.sql": "ALTER TABLE a DROP b;" },
      true,
    ],
    ["an up file without its down file", "db/1_a.up.sql", "CREATE TABLE a (id int);", {}, false],
    [
      "an up file whose down file is empty",
      "db/1_a.up.sql",
      "CREATE TABLE a (id int);",
      { "db/1_a.down.sql": "-- nothing\n" },
      false,
    ],
    [
      "a Flyway V with its U",
      "db/migration/V2__a.sql",
      "ALTER TABLE a ADD b int;",
      { "db/migration/U2__a.sql": "ALTER TABLE a DROP b;" },
      true,
    ],
    ["a Flyway V alone", "db/migration/V2__a.sql", "CREATE TABLE a (id int);", {}, false],
    [
      "dbmate up and down",
      "db/migrations/1_a.sql",
      "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n",
      {},
      true,
    ],
    [
      "dbmate with an empty down",
      "db/migrations/1_a.sql",
      "-- migrate:up\nDELETE FROM a;\n-- migrate:down\n",
      {},
      false,
    ],
    [
      "goose Up and Down",
      "db/1_a.sql",
      "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n",
      {},
      true,
    ],
    [
      "a Prisma migration that only adds",
      "prisma/migrations/16_boards/migration.sql",
      'CREATE TABLE "board" ("id" UUID);\nCREATE INDEX "i" ON "board"("id");',
      {},
      true,
    ],
    [
      "a Prisma migration that drops a column",
      "prisma/migrations/19_x/migration.sql",
      'ALTER TABLE "board" DROP COLUMN "slug";',
      {},
      false,
    ],
    [
      "plain SQL that renames a column",
      "db/clickhouse/migrations/1_x.sql",
      "ALTER TABLE a RENAME COLUMN b TO c;",
      {},
      false,
    ],
    [
      "plain SQL that deletes rows",
      "db/clickhouse/migrations/1_x.sql",
      "-- tidy\nDELETE FROM a WHERE b IS NULL;",
      {},
      false,
    ],
    [
      "plain SQL that only creates",
      "db/clickhouse/migrations/1_x.sql",
      "CREATE TABLE a (note String DEFAULT 'DROP TABLE x');",
      {},
      true,
    ],
  ])("%s", (_name, path, text, others, reversible) => {
    expect(judge(path, text, others)).toMatchObject({ reversible });
  });
});
