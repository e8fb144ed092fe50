import { randomInt } from "node:crypto";

/**
 * Password rules after the NCSC's guidance: length over complexity (at least 12
 * characters, no composition rules), a deny list of common and guessable passwords, and
 * nothing built from the person's own name or email. Returns translation keys.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// The most common passwords in breach corpora, plus words anyone would guess here.
const COMMON = new Set(
  `123456789012 1234567890123 password1234 password12345 passwordpassword qwertyuiopas qwerty123456
  123456123456 111111111111 000000000000 iloveyou1234 letmein12345 welcome12345 football1234
  abc123456789 monkey123456 princess1234 sunshine1234 dragon123456 baseball1234 trustno11234
  administrator changeme1234 changemenow1 qwertyuiop12 1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsxcde3
  password123! password2024 password2025 password2026 welcome2024! welcome2025! welcome2026!
  earlyhelp123 earlyhelp2026 earlyhelpteam familysupport childrenservices council12345
  londoncouncil cityoflondon1 socialcare123 safeguarding1 earlyhelpdemo early-help-demo
  correcthorsebatterystaple summer2025!! winter2025!! autumn2026!! spring2026!!`
    .split(/\s+/)
    .filter(Boolean),
);

export type PasswordProblem =
  | "password.errors.tooShort"
  | "password.errors.tooLong"
  | "password.errors.common"
  | "password.errors.personal"
  | "password.errors.repetitive";

export function checkPassword(password: string, person: { email?: string; name?: string } = {}): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "password.errors.tooShort";
  if ([...password].length > MAX_PASSWORD_LENGTH) return "password.errors.tooLong";
  const lower = password.toLowerCase();
  const squashed = lower.replace(/[^a-z0-9]/g, "");
  if (COMMON.has(lower) || COMMON.has(squashed)) return "password.errors.common";
  if (/^(.)\1+$/.test(password) || /^(.{1,3})\1+$/.test(password)) return "password.errors.repetitive";
  const personal = [person.email?.split("@")[0], ...(person.name?.split(/\s+/) ?? [])]
    .map((p) => p?.toLowerCase().replace(/[^a-z0-9]/g, "") ?? "")
    .filter((p) => p.length >= 3);
  if (personal.some((p) => squashed.includes(p) && squashed.length - p.length < 6)) return "password.errors.personal";
  return null;
}

const WORDS = `apple river candle meadow pepper lantern violet harbour copper garden orbit maple
  pebble thunder cobalt saffron willow falcon marble quarry tulip beacon ember glacier
  hazel juniper kettle lemon mosaic nutmeg otter parsley quill raven sparrow timber
  umber velvet walnut yarrow zephyr acorn bramble cedar dahlia fennel ginger heron`
  .split(/\s+/)
  .filter(Boolean);

/** A temporary password an administrator passes on: four random words and two digits. */
export function generateTemporaryPassword(): string {
  const words = Array.from({ length: 4 }, () => WORDS[randomInt(WORDS.length)]!);
  return `${words.join("-")}-${randomInt(10, 100)}`;
}
