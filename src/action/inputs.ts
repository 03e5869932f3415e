import { z } from "zod";

/** The Action's inputs, as run() uses them. action.yml documents each under its INPUT_NAMES name. */
export interface Inputs {
  /** Token for the GitHub API: reads the PR, its files and the config; writes the check run. */
  token: string;
  /** Also publish the `single-patch-order` check run (the token needs `checks: write`). */
  createCheck: boolean;
  /** Fail the job when the gate fails. Errors (bad config, GitHub errors) fail it regardless. */
  failOnError: boolean;
}

/** Every input's name in action.yml; a Record, so an input cannot be added here and forgotten there. */
export const INPUT_NAMES: Record<keyof Inputs, string> = {
  token: "token",
  createCheck: "create-check",
  failOnError: "fail-on-error",
};

/** YAML 1.2 core booleans, as the Actions toolkit's getBooleanInput accepts them. */
const booleanInput = z
  .enum(["true", "True", "TRUE", "false", "False", "FALSE"], {
    error: (issue) => `expected true or false, got ${JSON.stringify(issue.input)}`,
  })
  .transform((value) => value.toLowerCase() === "true");

const inputsSchema = z.object({
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the message names the workflow expression users write
  token: z.string({ error: "required: pass a token (the default is ${{ github.token }})" }).min(1),
  createCheck: booleanInput.default(false),
  failOnError: booleanInput.default(true),
});

/**
 * Reads and validates the inputs from the `INPUT_<NAME>` variables the runner sets (name upper-cased,
 * dashes kept). An empty value means "not given". Throws one Error listing every bad input.
 */
export function readInputs(env: Readonly<Record<string, string | undefined>>): Inputs {
  const raw = Object.fromEntries(
    Object.entries(INPUT_NAMES).map(([key, name]) => [
      key,
      env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim() || undefined,
    ]),
  );
  const result = inputsSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `input "${INPUT_NAMES[issue.path[0] as keyof Inputs] ?? String(issue.path[0])}": ${issue.message}`,
  );
  throw new Error(`Invalid inputs: ${problems.join("; ")}`);
}
