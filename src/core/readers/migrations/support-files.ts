import { isEfCoreSupportFile } from "./ef-core.js";
import { baseName } from "./migration-judge.js";

/**
 * Files under a migrations folder that are no migration: package markers, environments, schema
 * dumps (`schema.rb`, `schema.sql`, `structure.sql`: the whole schema for new installs, edited as
 * the migrations change), templates, lock and journal files, generated snapshots, embedding code.
 * They are not judged.
 */
export function isSupportFile(path: string, text: string | undefined): boolean {
  const name = baseName(path);
  if (SUPPORT_NAMES.has(name) || /^(?:README|readme)/.test(name) || isEfCoreSupportFile(path)) return true;
  if (/\.(?:mako|ini|toml|json|md|txt|lock|sum|keep)$/i.test(name) || name.startsWith(".")) return true;
  // Go code beside SQL migrations (`//go:embed *.sql`) is no migration unless it registers one.
  if (/\.go$/.test(name)) return text !== undefined && !/\bAddMigration\w*\(/.test(text);
  return false;
}

const SUPPORT_NAMES = new Set([
  "__init__.py",
  "env.py",
  "alembic.ini",
  "script.py.mako",
  "schema.rb",
  "schema.sql",
  "structure.sql",
]);
