import { z } from "zod";

/**
 * Digits typed on a Dari, Pashto, Urdu or Arabic keyboard. Persian digits (۰–۹, U+06F0–U+06F9:
 * Dari, Pashto, Urdu) and Arabic-Indic digits (٠–٩, U+0660–U+0669: Arabic) become 0–9 so a
 * number or date field accepts them and stores them normalised.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** Direction marks that RTL keyboards and copy-paste put around numbers (LRM, RLM, ALM, isolates). */
const DIRECTION_MARKS = /[\u200e\u200f\u061c\u2066-\u2069]/g;

/** Replaces Persian and Arabic-Indic digits with 0–9; leaves everything else as it is. */
export function normaliseDigits(value: string): string {
  return value.replace(EASTERN_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/**
 * What a number or date field should hold: digits as 0–9, the Arabic decimal separator (٫)
 * as ".", the Arabic thousands separator (٬) dropped, and invisible direction marks removed.
 */
export function normaliseNumericInput(value: string): string {
  return normaliseDigits(value).replace(DIRECTION_MARKS, "").replace(/\u066b/g, ".").replace(/\u066c/g, "").trim();
}

/**
 * Wraps a zod schema for a number or date field so it also accepts Persian and Arabic-Indic
 * digits: strings are normalised before the schema sees them; anything else passes through.
 */
export function withLatinDigits<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" ? normaliseNumericInput(value) : value), schema);
}
