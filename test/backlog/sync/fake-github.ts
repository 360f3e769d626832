// A fake GitHub REST API on 127.0.0.1 for the sync's tests: issues, their labels, authors and states,
// Link-header pagination, tokens that can or cannot write, answers that drip, and every request recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  user: { login: string; type: string };
  labels: { name: string }[];
  html_url: string;
  pull_request?: { url: string };
}

export interface FakeToken {
  /** The login GET /user answers; undefined for an installation token (GET /user is refused, as for GITHUB_TOKEN). */
  login?: string;
  /** The author of what it writes. */
  author: string;
  write: boolean;
  /** Whether GitHub keeps the labels it sets (a reader may open issues on a public repository, unlabelled). */
  label?: boolean;
  /** What GET /repos/{owner}/{name} says of it (a user token); none for an installation token. */
  permissions?: Record<string, boolean>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A canned answer for a request, or undefined to let the fake answer. */
export type Intercept = (
  request: RecordedRequest,
) => { status: number; headers?: Record<string, string>; body?: string } | "hang" | undefined;

export class FakeGitHub {
  readonly issues: FakeIssue[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, FakeToken>([
    [
      "owner-token",
      { login: "maria", author: "maria", write: true, permissions: { pull: true, triage: true, push: true } },
    ],
    [
      "reader-token",
      {
        login: "rita",
        author: "rita",
        write: true,
        label: false,
        permissions: { pull: true, triage: false, push: false },
      },
    ],
    ["actions-token", { author: "github-actions[bot]", write: true }],
    ["app-token", { author: "sync-app[bot]", write: true, label: false }],
    ["fork-token", { author: "github-actions[bot]", write: false }],
  ]);
  intercept: Intercept | undefined;
  /** For the requests it names, the pause in ms between two bytes of the answer (status and headers
   * come at once; what the request does, such as opening an issue, is done before the first byte). */
  drip: ((request: RecordedRequest) => number | undefined) | undefined;
  /** For the requests it names, the ms to wait before answering at all. */
  delay: ((request: RecordedRequest) => number | undefined) | undefined;
  private server: Server | undefined;
  base = "";

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The writes received (POST and PATCH), answered or not. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== "GET");
  }

  /** An issue written by someone, as the fake would store it. */
  addIssue(fields: Partial<FakeIssue> & { title: string; body: string; author: string; label?: string }): FakeIssue {
    const number = this.issues.length + 1;
    const issue: FakeIssue = {
      number,
      title: fields.title,
      body: fields.body,
      state: fields.state ?? "open",
      state_reason: fields.state_reason ?? null,
      user: { login: fields.author, type: fields.author.endsWith("[bot]") ? "Bot" : "User" },
      labels: [{ name: fields.label ?? "journey-opportunity" }],
      html_url: `https://github.com/acme/shop/issues/${number}`,
      ...(fields.pull_request ? { pull_request: fields.pull_request } : {}),
    };
    this.issues.push(issue);
    return issue;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      path: request.url ?? "",
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    this.requests.push(recorded);
    const delayMs = this.delay?.(recorded);
    if (delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const dripMs = this.drip?.(recorded);
    const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "Content-Type": "application/json", ...headers });
      if (dripMs === undefined) return void response.end(text);
      response.flushHeaders();
      const bytes = Buffer.from(text);
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < bytes.length) response.write(bytes.subarray(sent, ++sent));
        else {
          clearInterval(timer);
          response.end();
        }
      }, dripMs);
      response.on("close", () => clearInterval(timer));
    };
    const canned = this.intercept?.(recorded);
    if (canned === "hang") return;
    if (canned) return answer(canned.status, canned.body ?? "", canned.headers);
    const token = this.tokens.get((request.headers.authorization ?? "").replace(/^Bearer /, ""));
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      answer(status, JSON.stringify(body), headers);
    if (!token) return send(401, { message: "Bad credentials" });
    const url = new URL(recorded.path, this.base);
    if (recorded.method === "GET" && url.pathname === "/user") {
      if (!token.login) return send(403, { message: "Resource not accessible by integration" });
      return send(200, { login: token.login, type: "User" });
    }
    if (recorded.method === "GET" && url.pathname === "/repos/acme/shop")
      return send(200, { full_name: "acme/shop", ...(token.permissions ? { permissions: token.permissions } : {}) });
    if (recorded.method === "GET" && url.pathname === "/repos/acme/shop/issues") {
      const label = url.searchParams.get("labels");
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const all = this.issues.filter((issue) => !label || issue.labels.some((l) => l.name === label));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.href);
        next.searchParams.set("page", String(page + 1));
        headers.Link = `<${next.href}>; rel="next", <${this.base}/repos/acme/shop/issues?page=1>; rel="first"`;
      }
      return send(200, slice, headers);
    }
    const body = recorded.body as Record<string, unknown> | undefined;
    if (recorded.method === "POST" && url.pathname === "/repos/acme/shop/issues") {
      if (!token.write) return send(403, { message: "Resource not accessible by integration" });
      const issue = this.addIssue({
        title: String(body?.title),
        body: String(body?.body),
        author: token.author,
        label: token.label === false ? "none" : ((body?.labels as string[] | undefined)?.[0] ?? "none"),
      });
      return send(201, issue);
    }
    const one = /^\/repos\/acme\/shop\/issues\/(\d+)$/.exec(url.pathname);
    if (recorded.method === "PATCH" && one) {
      if (!token.write) return send(403, { message: "Resource not accessible by integration" });
      const issue = this.issues[Number(one[1]) - 1];
      if (!issue) return send(404, { message: "Not Found" });
      if (typeof body?.title === "string") issue.title = body.title;
      if (typeof body?.body === "string") issue.body = body.body;
      if (body?.state === "closed") {
        issue.state = "closed";
        issue.state_reason = typeof body.state_reason === "string" ? body.state_reason : "completed";
      } else if (body?.state === "open") {
        issue.state = "open";
        issue.state_reason = "reopened";
      }
      return send(200, issue);
    }
    send(404, { message: "Not Found" });
  }
}
