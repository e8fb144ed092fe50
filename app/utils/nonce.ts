import { createContext, useContext } from "react";

/** The CSP nonce for this response, for the few inline scripts Remix writes. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
