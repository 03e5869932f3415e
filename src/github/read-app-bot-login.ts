import type { Probot } from "probot";

/**
 * This App's bot login, `<slug>[bot]`: the `sender.login` of the changes the App makes itself
 * (a label it adds or removes). Read once with the App's JWT (`GET /app`, "Get the authenticated
 * app") on first need and kept; a failed read is not kept, and the caller treats "unknown" as
 * "not ours" (it judges again rather than skip a change it cannot attribute).
 */
export function createBotLoginReader(app: Probot): () => Promise<string | undefined> {
  let known: Promise<string | undefined> | undefined;
  return () => {
    known ??= (async () => {
      const appClient = await app.auth();
      const { data } = await appClient.rest.apps.getAuthenticated();
      return data?.slug ? `${data.slug}[bot]` : undefined;
    })().catch((error: unknown) => {
      known = undefined;
      app.log.warn({ err: error }, "could not read the App's own bot login (GET /app)");
      return undefined;
    });
    return known;
  };
}
