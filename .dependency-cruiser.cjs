// The import rules of this repository, checked by dependency-cruiser in `npm run lint` and by
// test/architecture.test.ts. The README's "Development" section explains the folder order.

/**
 * The folders of src/, outermost first. A folder may import the folders of later tiers, never an
 * earlier tier, and never another folder of its own tier (the App, the Action and the CLI are
 * separate edges; metrics is read by the server only; GitHub and the ticket trackers are separate
 * adapters).
 */
const TIERS = [
  ["server"],
  ["app", "action", "cli", "metrics"],
  ["flows"],
  ["sources"],
  ["github", "trackers"],
  ["render"],
  ["rules"],
  ["core"],
  ["config"],
];

const layering = TIERS.flatMap((tier, index) =>
  tier.map((folder) => {
    const outer = TIERS.slice(0, index + 1)
      .flat()
      .filter((other) => other !== folder);
    return {
      name: `layers: ${folder}`,
      comment: `src/${folder} imports only the folders after it (${TIERS.slice(index + 1)
        .map((t) => t.join("|"))
        .join(" → ")}), never ${outer.join(", ")}.`,
      severity: "error",
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(${outer.join("|")})/` },
    };
  }),
);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycle, type-only imports included: split the shared part into a file both import.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...layering,
    {
      name: "handlers are independent",
      comment: "An event handler (src/app/on-*.ts) never imports another: what two handlers share is a flow.",
      severity: "error",
      from: { path: "^src/app/on-[^/]+\\.ts$" },
      to: { path: "^src/app/on-[^/]+\\.ts$" },
    },
    {
      name: "flows are below the handlers",
      comment: "src/app/flows and src/app/routes never import the handlers or the wiring (src/app/*.ts).",
      severity: "error",
      from: { path: "^src/app/(flows|routes)/" },
      to: { path: "^src/app/(on-[^/]+|index)\\.ts$" },
    },
    {
      name: "readers are below the gates",
      comment: "src/core/readers reads a change; it never imports the release, deploy or override gates.",
      severity: "error",
      from: { path: "^src/core/readers/" },
      to: { path: "^src/core/(release|deploy|override)/" },
    },
    {
      name: "gates are independent",
      comment: "The release, deploy and override gates of src/core never import each other.",
      severity: "error",
      from: { path: "^src/core/(release|deploy|override)/" },
      to: { path: "^src/core/(release|deploy|override)/", pathNot: "^src/core/$1/" },
    },
    {
      name: "src stands alone",
      comment: "Shipped code never imports tests, their harness, the benchmark or the scripts.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|support|bench|scripts)/" },
    },
    {
      name: "the harness stands alone",
      comment: "support/ is shared by the tests and the benchmark, so it imports neither.",
      severity: "error",
      from: { path: "^support/" },
      to: { path: "^(test|bench)/" },
    },
    {
      name: "bench does not reach into the tests",
      comment: "bench/ shares the harness in support/, never test/.",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    // Type-only imports count: a circle through types is still a circle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^dist/|^dist-action/" },
  },
};
