import type { ConfigFileStatus } from "../../config/config-change-report.js";
import { CONFIG_PATH } from "../../config/config-path.js";
import type { ChangedFile, FileStatus } from "../../core/change.js";

/** A file renamed or copied to the path is new there. */
const STATUS: Record<FileStatus, ConfigFileStatus> = {
  added: "added",
  copied: "added",
  renamed: "added",
  removed: "removed",
  modified: "modified",
  changed: "modified",
  unchanged: "modified",
};

/**
 * How a pull request's files touch the config file, or undefined when they do not. The path is the
 * same in every repository, the org `.github` one included (its file is the shared one). A file
 * renamed away from the path, or deleted, leaves the repository without one: `removed`.
 */
export function findConfigFileChange(files: readonly ChangedFile[]): ConfigFileStatus | undefined {
  const atPath = files.find((file) => file.path === CONFIG_PATH);
  if (atPath) return STATUS[atPath.status];
  return files.some((file) => file.previousPath === CONFIG_PATH) ? "removed" : undefined;
}
