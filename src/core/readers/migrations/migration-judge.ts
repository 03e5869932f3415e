/**
 * One judge per migration framework (SPEC §9 "Migrations are judged per framework"). A judge reads
 * the whole migration file at the head and says whether the change has a way back; the rule adds
 * what holds for every framework (an already released migration must not be edited or deleted).
 */
export interface MigrationJudge {
  /** The framework, as docs/rules.md and the report name it. */
  framework: string;
  /** True for a migration of this framework, from its path and head text. */
  claims(path: string, text: string): boolean;
  judge(migration: Migration): MigrationVerdict;
}

export interface Migration {
  path: string;
  /** The migration's whole text at the head. */
  text: string;
  /** Another file's head text (a down counterpart): `null` absent, undefined unknown. */
  headText(path: string): string | null | undefined;
}

export interface MigrationVerdict {
  reversible: boolean;
  /** Why: `` `def down` ``, `` `def change` runs `execute`, which Rails cannot reverse ``. */
  reason: string;
  /** When not reversible: what to do, one line. */
  fix?: string;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export const reversible = (reason: string): MigrationVerdict => ({ reversible: true, reason });
export const irreversible = (reason: string, fix: string): MigrationVerdict => ({ reversible: false, reason, fix });
