import { createCookie } from "@remix-run/node";

/** The language the person chose; not personal data, so not signed. */
export const langCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/** The calendar the person chose for dates (Solar Hijri or Gregorian); not personal data. */
export const calendarCookie = createCookie("cal", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});
