/** The `--help` of every command. Exit codes are the same for all: see EXIT in core/to-conclusion.ts. */

const EXIT_CODES = `Exit codes:
  0  the gate passes (or the change is not a hotfix)
  1  the gate fails: at least one rule fails
  2  usage error, invalid config, or git/GitHub error (the message says which)`;

export const HELP: Record<"spo" | "check" | "init" | "validate" | "catchup" | "evidence", string> = {
  spo: `spo: Single Patch Order, judge a hotfix branch before you push it

Usage:
  spo check [options]          judge a git branch (default: the current one) against its base (offline)
  spo check --pr owner/repo#N  judge a GitHub pull request (needs GITHUB_TOKEN; writes nothing)
  spo init [--force]           write a starter .github/single-patch-order.yml and PR template
  spo validate [file]          check a config file and list every problem with its key path
               [--against <ref>] [--floor <file>]   and what gets looser or tighter; the org floor
  spo catchup [--since 24h]    redeliver the App's webhook deliveries that failed (needs APP_ID and its key)
  spo evidence --repo owner/repo --since <date> [--summary]
                               every production decision of a range, with ticket, reviewers, override
                               and canary, and its exceptions, for an auditor (needs GITHUB_TOKEN)

Options:
  -h, --help     show help (also: spo <command> --help)
  -v, --version  print the version

${EXIT_CODES}
`,

  check: `spo check: judge a branch with the same rules as the single-patch-order check

Usage:
  spo check [--base <ref>] [--head <branch>] [--title <text>] [--body-file <file>] [--label <name>]...
            [--format text|json|markdown]
  spo check --pr <owner/repo#number> [--format text|json|markdown]

The branch (the current one, or --head) is compared with its base like a pull request
(merge-base...branch), without checking anything out. The config is
.github/single-patch-order.yml as committed on the base (the same file the App reads), or the
defaults when the base has none. Nothing leaves the machine.

Options:
  --base <ref>        base branch, tag or commit (default: origin/HEAD, else main, else master)
  --head <branch>     the branch to judge instead of the current one (also origin/<branch>);
                      when no branch has that name and HEAD is detached (a CI checkout), the
                      name of the detached HEAD
  --title <text>      pull request title (default: the last commit's subject)
  --body-file <file>  pull request description, Markdown (default: the last commit's body)
  --label <name>      a pull request label; repeat for several (a \`hotfix\` label makes any branch a hotfix)
  --config <file>     judge with this config file instead of the one on the base
  --format <format>   text (default; coloured on a terminal unless NO_COLOR is set), json, or
                      markdown (exactly what the check run would show)
  --pr <ref>          judge GitHub pull request owner/repo#123 (or its URL) through the GitHub API
                      with GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise Server); a dry run:
                      nothing is written to GitHub
  -h, --help          show this help

${EXIT_CODES}
`,

  init: `spo init: add Single Patch Order to this repository

Usage:
  spo init [--force]

Writes, at the root of the git repository (or the current folder outside one):
  .github/single-patch-order.yml   every setting with its default, commented
  .github/pull_request_template.md the hotfix description template the rules read

Existing files are kept unless --force is given.

Options:
  --force     overwrite existing files
  -h, --help  show this help
`,

  validate: `spo validate: check a Single Patch Order config file

Usage:
  spo validate [file] [--against <ref>] [--floor <file>]   (default file: .github/single-patch-order.yml)

Prints "valid", or every problem with its key path. _extends is resolved by the App on GitHub;
only this file's own keys are checked here.

Options:
  --against <ref>   also list every setting that gets looser, tighter or changes compared with
                    the same file at this git ref (a branch, tag or commit), as the
                    single-patch-order/config check does on a pull request
  --floor <file>    hold the file to the floor: of an org config file (the .github repository's
                    .github/single-patch-order.yml) and show each floor setting; a file with its
                    own floor: is held to that one
  -h, --help        show this help

Exit codes:
  0  valid, and not below the floor
  1  invalid, or below the floor
  2  usage error (a file that cannot be read, a floor file without floor:) or git error (unknown ref)
`,

  catchup: `spo catchup: redeliver the App's webhook deliveries that failed

Usage:
  spo catchup [--since <duration>]

Lists the App's webhook deliveries of the last <duration> (30m, 2h, 1d; default 24h; GitHub
keeps 3 days) and asks GitHub to redeliver, once, each one none of whose attempts got a 2xx
answer: what the App's server does at start and every CATCHUP_INTERVAL_S, for installs without
a long-running server (run it from a scheduled job). A delivery the list shows redelivered
already is left alone, so running it again never repeats one.

Environment:
  APP_ID                          the App's id
  PRIVATE_KEY or PRIVATE_KEY_PATH the App's private key (PEM), or the path of its file
  GHE_HOST, GHE_PROTOCOL          GitHub Enterprise Server (default protocol https)

Options:
  --since <duration>  how far back, counted from each delivery's first attempt (default 24h)
  -h, --help          show this help

Exit codes:
  0  every redelivery it asked for was accepted (or none was needed)
  1  GitHub refused some redeliveries (the lines say which and why)
  2  usage error, or an error: a key GitHub refuses, GitHub unreachable, a redelivery not asked for
`,

  evidence: `spo evidence: the production evidence of a range, for release managers and auditors

Usage:
  spo evidence --repo <owner/repo> --since <date> [--until <date>]
               [--format markdown|csv|jsonl] [--app <slug>] [--summary]

Rebuilds every production decision whose decision time is in the range from GitHub: the
single-patch-order/evidence check runs on each production-deployed or merged commit (re-runs
included; only runs written by the App --app are believed), the production deployments and
their statuses, and the pull requests. Each decision row has its evidence/v1 record (schema:
docs/evidence.md): ticket, approving reviewers, gate verdict per rule, override, canary and bake.

Exceptions flagged:
  admin-bypass         a production deployment reached success with no approval by the App
  override             the approval went through a /spo override
  no-canary            the approval names no canary deployment
  no-approving-review  the hotfix PR had no approving review (its author's own does not count)

Options:
  --repo <owner/repo>  the repository
  --since <date>       start of the range: 2026-11-01 (UTC) or an ISO time (2026-11-01T09:00:00Z)
  --until <date>       end of the range (default: now); a date includes that whole day
  --format <format>    markdown (default), csv (one row per decision, for a spreadsheet) or
                       jsonl (one JSON object per line, each with its untouched record)
  --app <slug>         the App whose evidence runs are trusted (default single-patch-order)
  --summary            print the hotfix lifecycle numbers instead: count, time to production
                       (PR opened → production approval; median, p90), time in canary, change
                       failure rate (failed canary or rollback), override rate, and a chart per week
  -h, --help           show this help

Environment:
  GITHUB_TOKEN (or GH_TOKEN)  a token that can read the repository's checks, deployments and PRs
  GITHUB_API_URL              GitHub Enterprise Server: https://<host>/api/v3

Exit codes:
  0  no exception in the range
  1  at least one exception (the rows say which)
  2  usage error, or an error: a token GitHub refuses, GitHub unreachable, an unknown repository
`,
};
