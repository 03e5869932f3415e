import { folderOf, type UnitReader } from "./unit.js";

/** Django apps: every folder holding an `apps.py` (an `AppConfig`). Only a listed base finds them. */
export const djangoApps: UnitReader = {
  name: "Django apps",
  descriptors: () => [],
  read(base) {
    return base
      .find("**/apps.py")
      .filter((path) => path.includes("/"))
      .map((path) => ({ folder: folderOf(path), by: "Django app" }));
  },
};
