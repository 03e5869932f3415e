import { readLayeredApp } from "./layered-app.js";
import type { UnitReader } from "./unit.js";

/** A Laravel application (`artisan` at the root) is one unit, except local packages under `packages/`. */
export const laravelApp: UnitReader = {
  name: "Laravel application",
  descriptors: () => [],
  markers: () => ["artisan"],
  read: (base) => readLayeredApp(base, "artisan", "Laravel application", ["packages/*/composer.json"]),
};
