import { baseName, type VersionReader } from "./version-reader.js";

/**
 * mix.exs: the `version:` of the project keyword list, as a string or through a module attribute
 * (`@version "1.4.2"` … `version: @version`). Elixir code, read by a tokenizer of these two forms.
 */
export const mixExsVersion: VersionReader = {
  lineBased: true,
  format: "mix.exs",
  matches: (path) => baseName(path) === "mix.exs",
  read(text) {
    const keyword = /\bversion:\s*(?:"([^"]+)"|@(\w+))/.exec(text);
    if (keyword?.[1]) return keyword[1];
    if (!keyword?.[2]) return undefined;
    return new RegExp(`^\\s*@${keyword[2]}\\s+"([^"]+)"`, "m").exec(text)?.[1];
  },
};
