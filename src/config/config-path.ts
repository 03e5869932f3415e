/** Where a repository keeps its config, on its default branch. Users type this path: it never changes. */
export const CONFIG_PATH = ".github/single-patch-order.yml";
