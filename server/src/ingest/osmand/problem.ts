import type { ServerResponse } from 'node:http';

/** RFC 9457 problem details; `field` names the parameter the client has to fix. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  field?: string;
}

export function sendProblem(
  res: ServerResponse,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ type: 'about:blank', ...problem });
  res.writeHead(problem.status, {
    ...headers,
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
