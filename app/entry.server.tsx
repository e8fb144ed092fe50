import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import Backend from "i18next-fs-backend";
import ICU from "i18next-icu";
import { isbot } from "isbot";
import path from "node:path";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import i18nConfig from "~/i18n";
import { NonceContext } from "~/utils/nonce";
import { i18nServer, resolveLanguage } from "~/utils/i18n.server";
import { REQUEST_ID_HEADER } from "~/utils/request-info.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = createInstance();
  const lng = await resolveLanguage(request);
  const ns = i18nServer.getRouteNamespaces(remixContext);
  await instance
    .use(initReactI18next)
    .use(ICU)
    .use(Backend)
    .init({ ...i18nConfig, lng, ns, backend: { loadPath: path.resolve("locales/{{lng}}/{{ns}}.json") } });

  const nonce = typeof loadContext.nonce === "string" ? loadContext.nonce : undefined;
  const callback = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let didError = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [callback]: () => {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          didError = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Logs server errors as one JSON line with the request id (no request body, no query
 * string). Expected outcomes (404s, 4xx responses, aborted requests) are not errors.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (error instanceof Error && /^No route matches URL/.test(error.message)) return;
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  console.error(
    JSON.stringify({
      level: 50,
      time: new Date().toISOString(),
      requestId: request.headers.get(REQUEST_ID_HEADER),
      path: new URL(request.url).pathname,
      msg: message,
      stack,
    }),
  );
}
