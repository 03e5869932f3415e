import { readLayeredApp } from "./layered-app.js";
import type { UnitReader } from "./unit.js";

/** A Rails application (`config/application.rb`) is one unit, except its engines, gems and packwerk packs. */
export const railsApp: UnitReader = {
  name: "Rails application",
  descriptors: () => [],
  markers: () => ["config/application.rb"],
  read: (base) =>
    readLayeredApp(base, "config/application.rb", "Rails application", [
      "engines/*/*.gemspec",
      "components/*/*.gemspec",
      "gems/*/*.gemspec",
      "packs/*/package.yml",
    ]),
};
