import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";

beforeAll(() => {
  nock.disableNetConnect();
  // Loopback stays open so tests can start their own servers (fake GitHub, the App's HTTP server).
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
});

afterEach(() => {
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
});
