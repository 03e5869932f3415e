import { describe, expect, it } from "vitest";
import { findOwners, parseCodeOwners } from "../../../src/core/readers/scopes/read-codeowners.js";

/** GitHub's own example file ("About code owners"), shortened. */
const EXAMPLE = `# Lines starting with '#' are comments.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
`;

describe("CODEOWNERS", () => {
  const parsed = parseCodeOwners(EXAMPLE);
  const rules = "rules" in parsed ? parsed.rules : [];

  it.each([
    ["README.md", ["@global-owner1", "@global-owner2"]],
    ["src/app.js", ["@js-owner"]],
    ["cmd/main.go", ["docs@example.com"]],
    ["build/logs/today.log", ["@octocat"]],
    ["docs/getting-started.md", ["@doctocat"]],
    ["docs/build-app/troubleshooting.md", ["@doctocat"]],
    ["src/apps/x.txt", ["@octocat"]],
    ["apps/api/x.txt", ["@octocat"]],
    ["apps/github/x.txt", []],
    ["deeply/nested/logs/x.txt", ["@octocat"]],
  ])("owns %s by the last matching line", (path, owners) => {
    expect(findOwners(rules, path)).toEqual(owners);
  });

  it("refuses what GitHub refuses: negation, ranges, a bad owner", () => {
    expect(parseCodeOwners("!*.js @a\n")).toEqual({
      problem: "line 1: `!*.js` uses syntax GitHub does not support in CODEOWNERS",
    });
    expect(parseCodeOwners("*.[ch] @a\n")).toMatchObject({ problem: expect.stringContaining("line 1") });
    expect(parseCodeOwners("* owner\n")).toEqual({ problem: "line 1: `owner` is not a user, team or email" });
  });
});
