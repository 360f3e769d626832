// Types of action/github-api.mjs for the TypeScript that imports it (the issue sync).
export declare function isRepository(value: unknown): value is string;
export declare function checkApiUrl(
  value: string,
): { url: string; problem?: undefined } | { url?: undefined; problem: "not a URL" | "not https" | "query" };
export declare function readBounded(response: Response, maxBytes: number): Promise<string | undefined>;
export declare const DEFAULT_TIMEOUT_SECONDS: number;
export declare function timeoutSeconds(value: unknown): number | undefined;
