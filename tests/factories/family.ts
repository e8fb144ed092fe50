import type { Prisma } from "~/generated/prisma/client";
import type { ResettlementScheme } from "~/generated/prisma/enums";
import type { LanguageCode } from "~/utils/languages";
import type { Random } from "./random";

type Profile = {
  language: LanguageCode;
  surnames: readonly string[];
  adultFirst: readonly string[];
  childFirst: readonly string[];
  scheme?: ResettlementScheme;
};

/** Name pools by community, reflecting the families a City borough's early help team meets. */
export const PROFILES: Record<string, Profile> = {
  english: {
    language: "en",
    surnames: ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green", "Hall"],
    adultFirst: ["Sarah", "Emma", "Claire", "Michelle", "James", "Daniel", "Lee", "Kelly"],
    childFirst: ["Oliver", "Amelia", "Jack", "Isla", "Noah", "Mia", "Leo", "Freya"],
  },
  afghanDari: {
    language: "fa-AF",
    surnames: ["Ahmadi", "Hakimi", "Rahimi", "Karimi", "Sultani", "Mohammadi"],
    adultFirst: ["Farzana", "Mariam", "Habib", "Ahmad", "Sadia", "Nargis"],
    childFirst: ["Omid", "Zahra", "Bilal", "Sahar", "Yusuf", "Parisa"],
    scheme: "ACRS",
  },
  afghanPashto: {
    language: "ps",
    surnames: ["Stanekzai", "Popal", "Safi", "Yousafzai", "Khan", "Durrani"],
    adultFirst: ["Zarghuna", "Gul", "Shabana", "Rahmatullah", "Nazia", "Wahid"],
    childFirst: ["Malalai", "Hamid", "Palwasha", "Aimal", "Laila", "Zalmai"],
    scheme: "ARAP",
  },
  bengali: {
    language: "bn",
    surnames: ["Begum", "Uddin", "Rahman", "Miah", "Islam"],
    adultFirst: ["Rokeya", "Shirin", "Abdul", "Jamal", "Nasima"],
    childFirst: ["Ayaan", "Tasnim", "Rayhan", "Nabila", "Imran"],
  },
  somali: {
    language: "so",
    surnames: ["Mohamed", "Hassan", "Ali", "Farah", "Abdi"],
    adultFirst: ["Hodan", "Fadumo", "Ahmed", "Sahra", "Ibrahim"],
    childFirst: ["Hamza", "Ayan", "Mustafe", "Ifrah", "Khadar"],
  },
  polish: {
    language: "pl",
    surnames: ["Nowak", "Kowalska", "Wiśniewska", "Wójcik", "Kamińska"],
    adultFirst: ["Agnieszka", "Katarzyna", "Piotr", "Tomasz", "Magdalena"],
    childFirst: ["Zuzanna", "Jakub", "Lena", "Szymon", "Maja"],
  },
  ukrainian: {
    language: "uk",
    surnames: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko"],
    adultFirst: ["Olena", "Iryna", "Oksana", "Natalia"],
    childFirst: ["Sofiia", "Maksym", "Anna", "Artem"],
    scheme: "HOMES_FOR_UKRAINE",
  },
  arabic: {
    language: "ar",
    surnames: ["Haddad", "Khalil", "Nasser", "Saleh"],
    adultFirst: ["Rania", "Huda", "Omar", "Samir"],
    childFirst: ["Yara", "Karim", "Lina", "Adam"],
  },
  urdu: {
    language: "ur",
    surnames: ["Hussain", "Akhtar", "Iqbal", "Qureshi"],
    adultFirst: ["Ayesha", "Saima", "Imran", "Bushra"],
    childFirst: ["Hira", "Zain", "Anaya", "Hamza"],
  },
  turkish: {
    language: "tr",
    surnames: ["Yılmaz", "Demir", "Şahin", "Çelik"],
    adultFirst: ["Elif", "Ayşe", "Mehmet", "Zeynep"],
    childFirst: ["Yusuf", "Defne", "Emir", "Ela"],
  },
};

const STREETS = ["Golden Lane", "Middlesex Street", "Aldersgate Street", "Petticoat Square", "Barbican", "Mansell Street", "Artizan Street"];
const SCHOOLS = ["Sir John Cass's Foundation Primary", "Golden Lane Children's Centre", "City of London Academy", "Prior Weston Primary", "Redcoat Nursery"];
const POSTCODES = ["EC1Y 0RN", "E1 7JE", "EC2M 4TN", "EC1A 4JQ", "E1 8LN", "EC3A 7LP"];

function isoDaysAgo(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
}

/** A realistic family with two to five members, ready for `db.family.create`. */
export function buildFamily(
  random: Random,
  options: { reference: string; teamId: string; profile: keyof typeof PROFILES; now?: Date },
): Prisma.FamilyUncheckedCreateInput {
  const p = PROFILES[options.profile]!;
  const now = options.now ?? new Date();
  const surname = random.pick(p.surnames);
  const adults = random.int(1, 2);
  const children = random.int(1, 3);
  const members: Prisma.FamilyMemberCreateWithoutFamilyInput[] = [];
  const needsInterpreter = p.language !== "en" && random.chance(0.6);
  for (let i = 0; i < adults; i++) {
    members.push({
      kind: "adult",
      firstName: random.pick(p.adultFirst),
      lastName: surname,
      relationship: i === 0 ? random.pick(["mother", "father", "grandmother", "carer"]) : random.pick(["father", "partner", "aunt"]),
      dateOfBirth: isoDaysAgo(now, random.int(22 * 365, 50 * 365)),
      phone: `07700 9${String(random.int(0, 99999)).padStart(5, "0")}`,
      preferredLanguage: p.language,
      interpreterNeeded: needsInterpreter,
    });
  }
  for (let i = 0; i < children; i++) {
    members.push({
      kind: "child",
      firstName: random.pick(p.childFirst),
      lastName: surname,
      dateOfBirth: isoDaysAgo(now, random.int(200, 16 * 365)),
      school: random.pick(SCHOOLS),
      firstLanguage: p.language,
    });
  }
  const resettled = p.scheme !== undefined;
  return {
    reference: options.reference,
    name: `${surname} family`,
    teamId: options.teamId,
    addressLine1: `${random.int(1, 120)} ${random.pick(STREETS)}`,
    town: "London",
    postcode: random.pick(POSTCODES),
    preferredLanguage: p.language,
    resettlementScheme: resettled ? p.scheme : null,
    arrivalDate: resettled ? isoDaysAgo(now, random.int(60, 900)) : null,
    members: { create: members } as Prisma.FamilyMemberCreateNestedManyWithoutFamilyInput,
  } as Prisma.FamilyUncheckedCreateInput;
}
