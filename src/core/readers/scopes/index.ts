import { cargoWorkspace } from "./cargo-workspace.js";
import { djangoApps } from "./django-apps.js";
import { dotnetSolution } from "./dotnet-solution.js";
import { goWork } from "./go-work.js";
import { gradleSettings } from "./gradle-settings.js";
import { laravelApp } from "./laravel-app.js";
import { mavenModules } from "./maven-modules.js";
import { migrationEnvironments } from "./migration-environments.js";
import { npmWorkspaces } from "./npm-workspaces.js";
import { phoenixApp } from "./phoenix-app.js";
import { psgiApp } from "./psgi-app.js";
import { railsApp } from "./rails-app.js";
import type { UnitReader } from "./unit.js";

/**
 * The one registry of unit readers (SPEC §9 "Scopes come from the build"). A new build system is a
 * file in this folder and a line here; test/core/readers/registries.test.ts checks that every file
 * is registered and documented.
 */
export const unitReaders: readonly UnitReader[] = [
  npmWorkspaces,
  cargoWorkspace,
  goWork,
  mavenModules,
  gradleSettings,
  dotnetSolution,
  djangoApps,
  railsApp,
  laravelApp,
  phoenixApp,
  psgiApp,
  migrationEnvironments,
];
