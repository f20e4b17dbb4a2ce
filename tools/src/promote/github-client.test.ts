import { describe, expect, it } from "vitest";
import { toPromotionError } from "./github-client.js";

/** The shape of @octokit/request-error's RequestError (a transitive package, so not imported here). */
class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    options: { request: { method: string; url: string; headers: Record<string, string> }; response?: { status: number; url: string; headers: Record<string, string>; data: unknown; retryCount: number } },
  ) {
    super(message);
    Object.assign(this, options);
  }
}

function requestError(status: number, data: unknown, headers: Record<string, string> = {}, method = "POST", url = "https://api.github.com/repos/o/r/git/refs") {
  return new RequestError(typeof (data as { message?: string }).message === "string" ? (data as { message: string }).message : "error", status, {
    request: { method, url, headers: { authorization: "token SECRET-should-not-leak" } },
    response: { status, url, headers, data, retryCount: 0 },
  });
}

const operation = { what: "create the branch promote/a-to-b", permission: "contents: write" };

describe("toPromotionError", () => {
  it.each([
    [401, { message: "Bad credentials" }, {}, "PRM040", /could not create the branch promote\/a-to-b on o\/r \(POST \/repos\/o\/r\/git\/refs\): GitHub answered 401 \(Bad credentials\)/],
    [403, { message: "Resource not accessible by personal access token" }, {}, "PRM041", /needs the token permission contents: write/],
    [403, { message: "Resource not accessible" }, { "x-github-sso": "required; url=https://github.com/orgs/o/sso" }, "PRM041", /requires SSO authorization/],
    [403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "60" }, "PRM045", /rate limited even after waiting/],
    [403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1767225600" }, "PRM045", /resets at 2026-01-01T00:00:00.000Z/],
    [429, { message: "Too many requests" }, {}, "PRM045", /rate limited/],
    [404, { message: "Not Found" }, {}, "PRM042", /GitHub answered 404 \(Not Found\)/],
    [409, { message: "Git Repository is empty." }, {}, "PRM044", /409 \(Git Repository is empty\.\)/],
    [422, { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message: "A pull request already exists for o:b." }] }, {}, "PRM043", /Validation Failed; A pull request already exists/],
    [502, { message: "Bad Gateway" }, {}, "PRM046", /GitHub answered 502 after retries/],
    [418, { message: "teapot" }, {}, "PRM050", /GitHub answered 418/],
  ])("maps HTTP %i to a stable code", (status, data, headers, code, message) => {
    const error = toPromotionError(requestError(status, data, headers), operation, "o/r");
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("SECRET");
  });

  it("maps a failed connection (no response) and non-HTTP failures to PRM046", () => {
    const network = new RequestError("fetch failed", 500, { request: { method: "GET", url: "https://api.github.com/repos/o/r", headers: {} } });
    expect(toPromotionError(network, operation, "o/r").message).toMatch(/the connection failed after retries/);
    expect(toPromotionError(new TypeError("socket hang up"), operation, "o/r").code).toBe("PRM046");
  });
});
