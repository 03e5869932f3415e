import { exists, type UnitReader } from "./unit.js";

/**
 * Migration environments at the root: an Alembic folder (`env.py` beside `alembic.ini` or a
 * `versions/` folder, as Flask-Migrate lays it out) and Prisma's `prisma/`. They are the schema of
 * the application beside them, so their files join that application's scope.
 */
export const migrationEnvironments: UnitReader = {
  name: "Alembic and Prisma migrations",
  descriptors: () => [],
  markers: () => ["prisma/schema.prisma"],
  read(base) {
    const alembic = base
      .find("*/env.py")
      .map((path) => path.slice(0, -"/env.py".length))
      .filter(
        (folder) =>
          exists(base, `${folder}/alembic.ini`) === true ||
          exists(base, "alembic.ini") === true ||
          base.find(`${folder}/versions/*`).length > 0,
      );
    const prisma =
      exists(base, "prisma/schema.prisma") === true || exists(base, "prisma.config.ts") === true ? ["prisma"] : [];
    return [...alembic, ...prisma].map((folder) => ({ folder, by: "migration environment", attached: true }));
  },
};
