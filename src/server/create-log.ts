import { getTransformStream } from "@probot/pino";
import { pino, type Logger } from "pino";

/**
 * Fields that hold credentials when they are logged. Probot's HTTP logger (pino-http) logs every
 * request with its headers in JSON format, which would print the gate endpoint's bearer token;
 * GitHub request errors carry the request's headers (Octokit masks the token there already).
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  "err.request.headers.authorization",
  "err.response.headers.authorization",
];

/** A URL without its query string, which can carry what a caller wants kept private (which repository, environment, a token). */
export function withoutQuery(url: string): string {
  const at = url.indexOf("?");
  return at === -1 ? url : `${url.slice(0, at)}?[redacted]`;
}

/** Probot's HTTP log message, `GET /path?query 200 - 3ms`, with the query redacted. */
export function redactRequestLine(message: string): string {
  return message.replace(/^([A-Z]+ )(\S+)/, (_, method: string, url: string) => method + withoutQuery(url));
}

/**
 * The App's root logger: Probot's own (`getLog` in probot/lib/helpers/get-log.js: the same
 * environment variables, pretty or JSON lines, Sentry for errors) with credentials redacted.
 * Passed to Probot's `run()`, which otherwise builds it without redaction. HTTP access lines keep
 * the path and lose the query string (`req.url` and the message): the gate endpoint's
 * `?environment=` says which deployments a caller asks about.
 */
export async function createLog(env: NodeJS.ProcessEnv): Promise<Logger> {
  const logFormat = env.LOG_FORMAT
    ? env.LOG_FORMAT === "pretty"
      ? "pretty"
      : "json"
    : env.NODE_ENV === "production"
      ? "json"
      : "pretty";
  const transform = await getTransformStream({
    logFormat,
    logLevelInString: env.LOG_LEVEL_IN_STRING === "true",
    ...(env.SENTRY_DSN ? { sentryDsn: env.SENTRY_DSN } : {}),
  });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream); // SonicBoom is a writable stream; its types do not say so
  const options = {
    level: env.LOG_LEVEL || "info",
    name: "probot",
    messageKey: env.LOG_MESSAGE_KEY || "msg",
    redact: {
      paths: [...REDACTED_PATHS, "req.url"],
      censor: (value: unknown, path: string[]) =>
        path.at(-1) === "url" && typeof value === "string" ? withoutQuery(value) : "[Redacted]",
    },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger["info"]>, method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? redactRequestLine(arg) : arg)),
        );
      },
    },
  };
  return pino(options, transform);
}
