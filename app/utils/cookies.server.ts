import { createCookie } from "@remix-run/node";

/** The language the person chose; not personal data, so not signed. */
export const langCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});
