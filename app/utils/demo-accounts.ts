import type { Role } from "~/generated/prisma/enums";

/** The password of every demo account. Demo seeding refuses to run in production. */
export const DEMO_PASSWORD = "early-help-demo";

/** The stable demo accounts other tools and tests sign in with. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; roles: Role[]; team: "north" | "south" | null; language: string }> = [
  { email: "practitioner@demo.example", name: "Priya Shah", roles: ["practitioner"], team: "north", language: "en" },
  { email: "lead@demo.example", name: "Laura Bennett", roles: ["lead"], team: "north", language: "en" },
  { email: "facilitator@demo.example", name: "Farid Noori", roles: ["facilitator"], team: null, language: "fa-AF" },
  { email: "champion@demo.example", name: "Zarmina Ahmadzai", roles: ["parent_champion"], team: null, language: "ps" },
  { email: "admin@demo.example", name: "Adam Clarke", roles: ["administrator"], team: null, language: "en" },
];
