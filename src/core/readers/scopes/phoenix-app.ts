import { exists, type UnitReader } from "./unit.js";

/**
 * Elixir with mix. An umbrella project (`apps_path:` in the root mix.exs) has one unit per app
 * under that folder. A Phoenix application (a root mix.exs with `lib/<app>_web`) is one unit,
 * `lib/<app>`, `lib/<app>_web`, `priv/` and `config/` together. mix.exs is Elixir code, so a
 * tokenizer reads the `apps_path:` keyword.
 */
export const phoenixApp: UnitReader = {
  name: "Phoenix application and mix umbrella",
  descriptors: () => ["mix.exs"],
  read(base) {
    const mix = base.text("mix.exs");
    if (!mix && exists(base, "mix.exs") !== true) return [];
    const appsPath = mix ? /\bapps_path:\s*"([^"]+)"/.exec(mix)?.[1] : undefined;
    if (appsPath) return [{ folder: `${appsPath.replace(/\/+$/, "")}/*`, pattern: true, by: "umbrella app" }];
    const web = [...base.find("lib/*_web.ex"), ...base.find("lib/*_web/**")];
    return web.length ? [{ folder: "", by: "Phoenix application" }] : [];
  },
};
