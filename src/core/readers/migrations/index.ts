import { alembicMigrations } from "./alembic.js";
import { djangoMigrations } from "./django.js";
import { ectoMigrations } from "./ecto.js";
import { efCoreMigrations } from "./ef-core.js";
import { javascriptMigrations } from "./javascript.js";
import { laravelMigrations } from "./laravel.js";
import type { MigrationJudge } from "./migration-judge.js";
import { otherMigrations } from "./other-frameworks.js";
import { railsMigrations } from "./rails.js";
import { sqlMigrations } from "./sql-migrations.js";

/**
 * The one registry of migration judges (SPEC §9 "Migrations are judged per framework"), most
 * specific first: the first judge that claims a file judges it, `otherMigrations` last. A new
 * framework is a judge in this folder and a line here; test/core/readers/registries.test.ts checks
 * that every file is registered and documented.
 */
export const migrationJudges: readonly MigrationJudge[] = [
  sqlMigrations,
  railsMigrations,
  djangoMigrations,
  alembicMigrations,
  ectoMigrations,
  laravelMigrations,
  efCoreMigrations,
  javascriptMigrations,
  otherMigrations,
];
