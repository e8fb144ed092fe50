/**
 * What the server knows about a request beyond Remix's Request: the request id and the
 * client address, set by app/http-server.ts on trusted headers (client-sent copies are
 * discarded there). Outside that server (unit tests) they fall back to "unknown".
 */
export type RequestInfo = { requestId: string; ip: string };

export const REQUEST_ID_HEADER = "x-eh-request-id";
export const CLIENT_IP_HEADER = "x-eh-client-ip";

export function getRequestInfo(request: Request): RequestInfo {
  return {
    requestId: request.headers.get(REQUEST_ID_HEADER) ?? "unknown",
    ip: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
  };
}
