import { describe, expect, it } from "vitest";
import {
  cleanBlock,
  cleanText,
  codeSpan,
  escapeCell,
  mention,
  plainText,
  safeInline,
  safeLink,
  splitCodeSpans,
} from "../../src/render/safe-markdown.js";

const ZWSP = "\u200B";
/** The branch of issue 9, item 7: it tries to leave its code span and ping a team and a user. */
const BREAKOUT_BRANCH = "hotfix/x-`@acme/security`|@lead-bob";

/** Every mention GitHub would see: `@` then a letter or digit, outside a code span. */
function liveMentions(markdown: string): string[] {
  return splitCodeSpans(markdown)
    .filter((s) => !s.code)
    .flatMap((s) => s.text.match(/(?<![\w])@[A-Za-z0-9][\w/-]*/g) ?? []);
}

describe("codeSpan", () => {
  it("fences text that holds backticks with a longer run, padding a leading or trailing backtick", () => {
    expect(codeSpan("a")).toBe("`a`");
    expect(codeSpan("a `b` c")).toBe("``a `b` c``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("a ``` b")).toBe("````a ``` b````");
  });

  it("keeps the branch of item 7 inside one span, and its mentions dead", () => {
    const span = codeSpan(BREAKOUT_BRANCH);
    expect(span).toBe(`\`\`hotfix/x-\`@${ZWSP}acme/security\`|@${ZWSP}lead-bob\`\``);
    expect(splitCodeSpans(`Branch ${span} is not allowed.`)).toStrictEqual([
      { code: false, text: "Branch " },
      { code: true, text: span },
      { code: false, text: " is not allowed." },
    ]);
    expect(liveMentions(span.replaceAll("`", ""))).toStrictEqual([]);
  });

  it("keeps a value one line, without control characters, and with no HTML comment", () => {
    expect(codeSpan("a\nb\r\nc\td")).toBe("`a b c d`");
    expect(codeSpan("bell\u0007 esc\u001b[31m bidi\u202Eevil")).toBe("`bell esc[31m bidievil`");
    expect(codeSpan("<!-- spo:override -->")).toBe(`\`<${ZWSP}!-- spo:override --${ZWSP}>\``);
  });

  it("shows an empty value as an empty-looking span rather than two stray backticks", () => {
    expect(codeSpan("")).toBe("` `");
  });
});

describe("cleanText and cleanBlock", () => {
  it("cannot be made to rebuild <!-- by nesting, whatever a later pass strips", () => {
    const nested = "<!<!---->-- spo:record v1 x.y -->";
    const cleaned = cleanText(nested);
    expect(cleaned).not.toContain("<!--");
    expect(cleaned).not.toContain("-->");
    // A single pass that strips complete comments (what a naive reader does) finds none to strip.
    expect(cleaned.replace(/<!--[\s\S]*?-->/g, "")).toBe(cleaned);
    expect(cleaned.replaceAll(ZWSP, "")).toBe(nested);
  });

  it("defuses every mention of a user or a team, and shows the same text", () => {
    const text = cleanText("ping @lead-bob and @acme/security, mail a@b.io");
    expect(liveMentions(text)).toStrictEqual([]);
    expect(text.replaceAll(ZWSP, "")).toBe("ping @lead-bob and @acme/security, mail a@b.io");
  });

  it("keeps the lines of a block and drops its control characters", () => {
    expect(cleanBlock("1. redeploy\r\n2. @oncall\u0000 checks")).toBe(`1. redeploy\n2. @${ZWSP}oncall checks`);
  });
});

describe("safeInline", () => {
  it("re-fences a code span that the engine wrote with too short a fence", () => {
    const naive = `The base branch \`${BREAKOUT_BRANCH}\` is not allowed.`;
    const safe = safeInline(naive);
    expect(liveMentions(safe)).toStrictEqual([]);
    expect(safe).not.toMatch(/[\u0000-\u001f]/);
  });

  it("cleans a cut code span whose user text fell into prose", () => {
    expect(safeInline("Files `@acme/secret…")).toBe(`Files \`@${ZWSP}acme/secret…`);
  });
});

describe("escapeCell", () => {
  it("escapes pipes, backslashes and newlines so the cell stays one cell on one row", () => {
    expect(escapeCell("a | b")).toBe("a \\| b");
    expect(escapeCell("C:\\path\\")).toBe("C:\\\\path\\\\");
    expect(escapeCell("one\ntwo\r\nthree")).toBe("one<br>two<br>three");
  });

  it("neutralises HTML in user text", () => {
    expect(escapeCell("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeCell("<!<!---->--")).not.toContain("<!--");
  });

  it("keeps code spans verbatim, except the pipe GitHub needs escaped even there", () => {
    expect(escapeCell("Scope `src/<a>\\b` is `x|y`")).toBe("Scope `src/<a>\\b` is `x\\|y`");
  });

  it("leaves no live mention in a reason", () => {
    expect(liveMentions(escapeCell("paged @acme/security and @lead-bob"))).toStrictEqual([]);
  });
});

describe("plainText", () => {
  it("drops the fences of code spans, and cleans what is left", () => {
    expect(plainText("Targets `main`, an allowed base.")).toBe("Targets main, an allowed base.");
    expect(plainText(`Branch ${codeSpan("a`b")}`)).toBe("Branch a`b");
    expect(plainText("by @lead\n<!-- x -->")).toBe(`by @${ZWSP}lead <${ZWSP}!-- x --${ZWSP}>`);
  });
});

describe("mention", () => {
  it("pings a GitHub login, and shows anything else as code", () => {
    expect(mention("release-lead")).toBe("@release-lead");
    expect(mention("@octo-bot[bot]")).toBe("@octo-bot[bot]");
    expect(mention("acme/security")).toBe("`acme/security`");
    expect(mention("x @lead-bob")).toBe(`\`x @${ZWSP}lead-bob\``);
  });
});

describe("safeLink", () => {
  it("links http(s) URLs only, with nothing that can end the link", () => {
    expect(safeLink("logs", "https://ci.example/run/1")).toBe("[logs](https://ci.example/run/1)");
    expect(safeLink("logs", "https://ci.example/x) @acme/security (y")).toBe(
      "[logs](https://ci.example/x%29%20@acme/security%20%28y)",
    );
    expect(safeLink("logs", "javascript:alert(1)")).toBeUndefined();
    expect(safeLink("logs", "not a url")).toBeUndefined();
  });
});
