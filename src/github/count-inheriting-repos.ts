import type { InheritingCount } from "../config/config-change-report.js";
import { CONFIG_PATH } from "../config/config-path.js";
import { isOrgConfigLayer, ORG_CONFIG_REPO } from "../config/config-layer.js";
import { parseYamlText } from "../config/parse-config.js";
import { type ExtendsTarget, resolveExtends } from "../config/resolve-extends.js";
import { isRecord } from "../config/setting-paths.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient } from "./github-client.js";

/** Most repositories of an installation looked at: 10 pages of the list, 10 GraphQL queries. */
export const MAX_REPOS_SCANNED = 1000;
/** `_extends` hops followed through files outside the scanned repositories (one GraphQL query each). */
const MAX_HOPS = 3;
const PAGE_SIZE = 100;

interface ListedRepo {
  name: string;
  node_id: string;
  archived?: boolean;
  owner: { login: string };
}

/**
 * How many repositories of the installation inherit the owner's shared file: those without a file
 * of their own, and those whose `_extends` reaches it (through other files too, up to MAX_HOPS).
 * Archived repositories and the `.github` repository itself are not counted.
 *
 * Calls: one `GET /installation/repositories` per 100 repositories (at most 10: MAX_REPOS_SCANNED),
 * one GraphQL query per 100 repositories for their files on the default branch (`object(expression:
 * "HEAD:…")`, which costs one GraphQL point, not a REST call per repository), and at most MAX_HOPS
 * more for `_extends` targets outside them.
 */
export async function countInheritingRepos(octokit: GitHubClient, owner: string): Promise<InheritingCount> {
  const { repos, total } = await listInstallationRepos(octokit);
  const judged = repos.filter(
    (r) =>
      !r.archived && r.owner.login.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() !== ORG_CONFIG_REPO,
  );
  const texts = new Map<string, string | null>();
  for (let i = 0; i < judged.length; i += PAGE_SIZE) {
    const chunk = judged.slice(i, i + PAGE_SIZE);
    const found = await readRepoFiles(octokit, chunk);
    for (const repo of chunk) {
      const text = found.get(repo.node_id);
      if (text !== undefined) texts.set(keyOf({ owner: repo.owner.login, repo: repo.name, path: CONFIG_PATH }), text);
    }
  }
  const count: InheritingCount = {
    withoutFile: 0,
    viaExtends: 0,
    scanned: judged.length,
    total,
    bound: MAX_REPOS_SCANNED,
    unreadable: 0,
  };
  const targets = judged.map((repo) => {
    const key = keyOf({ owner: repo.owner.login, repo: repo.name, path: CONFIG_PATH });
    // A repository GraphQL did not answer for is not known either way: "unreadable".
    if (!texts.has(key)) return "unreadable";
    const text = texts.get(key) ?? null;
    if (text === null) count.withoutFile++;
    return text === null ? undefined : readExtends(text, owner);
  });
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const unknown = targets.flatMap((start) => {
      const end = start && start !== "unreadable" ? followChain(start, owner, texts) : undefined;
      return end && end !== true ? [end] : [];
    });
    if (!unknown.length) break;
    for (const [key, text] of await readTargetFiles(octokit, dedupe(unknown))) texts.set(key, text);
  }
  for (const start of targets) {
    if (start === "unreadable") count.unreadable++;
    else if (start && followChain(start, owner, texts) === true) count.viaExtends++;
  }
  return count;
}

/**
 * Follows `_extends` from `start` through the files already read: true when it reaches the org
 * file, the first file not read yet, or undefined when the chain ends elsewhere (or loops).
 */
function followChain(
  start: ExtendsTarget,
  owner: string,
  texts: ReadonlyMap<string, string | null>,
): true | ExtendsTarget | undefined {
  const seen = new Set<string>();
  let target: ExtendsTarget | "unreadable" | undefined = start;
  while (target && target !== "unreadable" && !seen.has(keyOf(target))) {
    if (isOrgConfigLayer(target, owner)) return true;
    seen.add(keyOf(target));
    if (!texts.has(keyOf(target))) return target;
    const text = texts.get(keyOf(target));
    target = text ? readExtends(text, target.owner) : undefined;
  }
  return undefined;
}

/** The file a config's `_extends` names; "unreadable" when the text is not a YAML mapping. */
function readExtends(text: string, owner: string): ExtendsTarget | "unreadable" | undefined {
  try {
    const raw = parseYamlText(text, "(scanned)");
    if (raw == null) return undefined;
    if (!isRecord(raw)) return "unreadable";
    return raw._extends === undefined ? undefined : (resolveExtends(raw._extends, owner) ?? "unreadable");
  } catch {
    return "unreadable";
  }
}

async function listInstallationRepos(octokit: GitHubClient): Promise<{ repos: ListedRepo[]; total: number }> {
  const repos: ListedRepo[] = [];
  let total = 0;
  try {
    for (let page = 1; page <= MAX_REPOS_SCANNED / PAGE_SIZE; page++) {
      const { data } = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: PAGE_SIZE, page });
      total = data.total_count;
      repos.push(...(data.repositories as ListedRepo[]));
      if (data.repositories.length < PAGE_SIZE) break;
    }
  } catch (error) {
    throw toSourceError(error, "listing the installation's repositories");
  }
  return { repos, total };
}

interface BlobNode {
  id?: string;
  object?: { text?: string | null } | null;
}

/**
 * The config file of each repository on its default branch, by node id (null: no file; absent: not
 * answered). One GraphQL query.
 */
async function readRepoFiles(octokit: GitHubClient, repos: readonly ListedRepo[]): Promise<Map<string, string | null>> {
  const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Repository { id object(expression: "HEAD:${CONFIG_PATH}") { ... on Blob { text } } } } }`;
  const data = await runQuery<{ nodes: Array<BlobNode | null> }>(octokit, query, { ids: repos.map((r) => r.node_id) });
  const texts = new Map<string, string | null>();
  for (const node of data?.nodes ?? [])
    if (node?.id) texts.set(node.id, typeof node.object?.text === "string" ? node.object.text : null);
  return texts;
}

/** Files named by `_extends` outside the scanned repositories, by key (null: no such file). One GraphQL query. */
async function readTargetFiles(
  octokit: GitHubClient,
  targets: readonly ExtendsTarget[],
): Promise<Map<string, string | null>> {
  const batch = targets.slice(0, PAGE_SIZE);
  const variables: Record<string, string> = {};
  const fields = batch.map((target, i) => {
    Object.assign(variables, { [`o${i}`]: target.owner, [`n${i}`]: target.repo, [`e${i}`]: `HEAD:${target.path}` });
    return `t${i}: repository(owner: $o${i}, name: $n${i}) { object(expression: $e${i}) { ... on Blob { text } } }`;
  });
  const declared = batch.map((_, i) => `$o${i}: String!, $n${i}: String!, $e${i}: String!`).join(", ");
  const data = await runQuery<Record<string, BlobNode | null>>(
    octokit,
    `query(${declared}) { ${fields.join(" ")} }`,
    variables,
  );
  return new Map(batch.map((target, i) => [keyOf(target), data?.[`t${i}`]?.object?.text ?? null]));
}

/** A GraphQL query; a partial answer (some repositories not found or not accessible) keeps what it has. */
async function runQuery<T>(
  octokit: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<T | undefined> {
  try {
    return await octokit.graphql<T>(query, variables);
  } catch (error) {
    const partial = (error as { data?: T }).data;
    if (partial) return partial;
    throw toSourceError(error, "reading the config files of the installation's repositories");
  }
}

function keyOf(target: ExtendsTarget): string {
  return `${target.owner.toLowerCase()}/${target.repo.toLowerCase()}:${target.path}`;
}

function dedupe(targets: readonly ExtendsTarget[]): ExtendsTarget[] {
  return [...new Map(targets.map((t) => [keyOf(t), t])).values()];
}
