import { readLayeredApp } from "./layered-app.js";
import type { UnitReader } from "./unit.js";

/** A Perl web application (Catalyst, Dancer, Mojolicious under PSGI: `app.psgi` at the root: `lib/`, templates, `conf/`) is one unit. */
export const psgiApp: UnitReader = {
  name: "PSGI application",
  descriptors: () => [],
  markers: () => ["app.psgi"],
  read: (base) => readLayeredApp(base, "app.psgi", "PSGI application", []),
};
