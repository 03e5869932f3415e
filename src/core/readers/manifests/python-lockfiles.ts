import { parse as parseToml } from "smol-toml";
import { readLockedPackages } from "./cargo-lock.js";
import { baseName, type ManifestReader, stableString } from "./manifest-reader.js";

/**
 * uv.lock and poetry.lock (TOML): each `[[package]]` with its version and source. The project
 * itself and its workspace members (uv's `editable`, `virtual`, `directory` or `path` sources,
 * Poetry's `directory` sources) are left out.
 */
export const pythonTomlLockfile: ManifestReader = {
  format: "uv.lock and poetry.lock",
  lockfile: true,
  matches: (path) => ["uv.lock", "poetry.lock"].includes(baseName(path)),
  read(text) {
    const packages = (parseToml(text) as { package?: Array<Record<string, unknown>> }).package ?? [];
    return readLockedPackages(
      packages.map((p) => ({
        ...p,
        source: stableString(p.source ?? ""),
        checksum: stableString(p.sdist ?? p.files ?? ""),
      })),
      (p) => /\b(?:editable|virtual|directory|path)\b/.test(String(p.source)),
    );
  },
};

/** Pipfile.lock (JSON): the `default` and `develop` pins. */
export const pipfileLock: ManifestReader = {
  format: "Pipfile.lock",
  lockfile: true,
  matches: (path) => baseName(path) === "Pipfile.lock",
  read(text) {
    const lock = JSON.parse(text) as Record<string, Record<string, { version?: string; hashes?: string[] }>>;
    return ["default", "develop"].flatMap((section) =>
      Object.entries(lock[section] ?? {}).map(([name, pin]) => ({ section, name, value: stableString(pin) })),
    );
  },
};

/** Pipfile (TOML): `[packages]` and `[dev-packages]`. */
export const pipfile: ManifestReader = {
  format: "Pipfile",
  lockfile: false,
  matches: (path) => baseName(path) === "Pipfile",
  read(text) {
    const doc = parseToml(text) as Record<string, Record<string, unknown>>;
    return ["packages", "dev-packages"].flatMap((section) =>
      Object.entries(doc[section] ?? {}).map(([name, spec]) => ({
        section: `[${section}]`,
        name,
        value: stableString(spec),
      })),
    );
  },
};
