import { createHash, randomInt } from "node:crypto";
import { z } from "zod";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import type { RequestInfo } from "~/utils/request-info.server";
import type { Prisma } from "~/generated/prisma/client";
import { familyTeamFilter } from "./access.server";
import { nextFamilyReference } from "./family.server";

/** Requests one client may send per hour before it is told to wait. */
export const SUPPORT_REQUEST_LIMIT = 5;
export const SUPPORT_REQUEST_WINDOW_MINUTES = 60;

/** Anything that looks like markup or script: refused rather than stored. */
const SCRIPTED = /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta)\b|javascript:|on[a-z]+\s*=|<[a-z!/][^>]*>/i;
const safe = (max: number) => z.string({ error: "errors.required" }).trim().max(max, "errors.tooLong").refine((v) => !SCRIPTED.test(v), "errors.scripted");
const plain = (max: number) => safe(max).refine((v) => v.length > 0, "errors.required");
const optionalPlain = (max: number) => safe(max).optional();

export const SupportRequestSchema = z.strictObject({
  referrerName: plain(120),
  referrerAgency: plain(160),
  referrerEmail: z.string({ error: "errors.required" }).trim().max(254, "errors.tooLong").pipe(z.email("errors.emailInvalid")),
  referrerPhone: optionalPlain(40),
  familyName: plain(160),
  familyAddress: optionalPlain(300),
  familyPostcode: optionalPlain(10),
  children: optionalPlain(1000),
  concern: plain(5000),
  familyConsents: z.enum(["yes", "no"], { error: "errors.consentRequired" }),
  /** Honeypot: hidden from people; bots fill it in. */
  website: z.string().max(500).optional(),
});
export type SupportRequestInput = z.infer<typeof SupportRequestSchema>;

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function newReference() {
  let s = "";
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `RFS-${s}`;
}

/** The rate-limit key: a hash of the client address, so addresses are not kept in clear. */
export function clientKey(info: RequestInfo) {
  return createHash("sha256").update(`support-request:${info.ip}`).digest("hex").slice(0, 32);
}

/** Whether the client has used up its requests for the window. */
export async function isRateLimited(info: RequestInfo, now = new Date()) {
  const since = new Date(now.getTime() - SUPPORT_REQUEST_WINDOW_MINUTES * 60_000);
  return (await db.supportRequest.count({ where: { clientKey: clientKey(info), createdAt: { gte: since } } })) >= SUPPORT_REQUEST_LIMIT;
}

/**
 * Stores a partner's request for support and returns only its reference. A filled
 * honeypot gets a reference too (so bots learn nothing) but nothing is stored.
 */
export async function createSupportRequest(input: SupportRequestInput, info: RequestInfo): Promise<string> {
  if (await isRateLimited(info)) throw errorResponse(429, "errors.rateLimited");
  const reference = newReference();
  if (input.website) return reference;
  const request = await db.supportRequest.create({
    data: {
      reference,
      referrerName: input.referrerName,
      referrerAgency: input.referrerAgency,
      referrerEmail: input.referrerEmail.toLowerCase(),
      referrerPhone: input.referrerPhone ?? "",
      familyName: input.familyName,
      familyAddress: input.familyAddress ?? "",
      familyPostcode: (input.familyPostcode ?? "").toUpperCase(),
      children: input.children ?? "",
      concern: input.concern,
      familyConsents: input.familyConsents === "yes",
      clientKey: clientKey(info),
    },
  });
  await audit({ user: null, info }, { action: "create", entity: "support-request", entityId: request.id });
  return reference;
}

/** Requests a lead may triage (a lead's decision on families): their team's and those no team has taken yet. */
export function triageWhere(actor: Pick<Actor, "user">): Prisma.SupportRequestWhereInput {
  const teamId = familyTeamFilter(actor, "decide:family");
  return teamId === null ? {} : { OR: [{ teamId: null }, { teamId }] };
}

/** New online requests for a lead to triage (team-less requests are for every team). Audited. */
export async function listTriage(actor: Actor) {
  const where = triageWhere(actor);
  const requests = await db.supportRequest.findMany({ where: { AND: [where, { status: "new" }] }, orderBy: { createdAt: "asc" } });
  await audit(actor, { action: "list", entity: "support-request", detail: { count: requests.length } });
  return requests;
}

/**
 * Accepts a request into the lead's team as a new family and contact (awaiting a
 * decision), or rejects it. Only "new" requests can be triaged.
 */
/**
 * Accepts a request (a new family and contact in the lead's team) or declines it with a
 * reason, which is required: the referrer will ask why, and so will an inspector.
 */
export async function triageRequest(actor: Actor, id: string, accept: boolean, today = new Date(), declineReason = "") {
  if (!accept && !declineReason.trim()) throw errorResponse(400, "errors.declineReasonRequired");
  const where = triageWhere(actor);
  const request = await db.supportRequest.findFirst({ where: { AND: [where, { id }] } });
  if (!request) throw errorResponse(404, "errors.notFound");
  if (request.status !== "new") throw errorResponse(409, "errors.alreadyTriaged");
  if (!actor.user.teamId) throw errorResponse(403, "errors.forbidden");
  return db.$transaction(async (tx) => {
    const moved = await tx.supportRequest.updateMany({
      where: { id, status: "new" },
      data: { status: accept ? "accepted" : "rejected", triagedById: actor.user.id, triagedAt: new Date(), teamId: actor.user.teamId, declineReason: accept ? "" : declineReason.trim() },
    });
    if (!moved.count) throw errorResponse(409, "errors.alreadyTriaged");
    if (!accept) {
      await audit(actor, { action: "reject", entity: "support-request", entityId: id }, tx);
      return null;
    }
    const family = await tx.family.create({
      data: {
        reference: await nextFamilyReference(tx),
        name: request.familyName,
        teamId: actor.user.teamId!,
        addressLine1: request.familyAddress || null,
        postcode: request.familyPostcode || null,
      },
    });
    const receivedOn = new Date(Date.UTC(request.createdAt.getUTCFullYear(), request.createdAt.getUTCMonth(), request.createdAt.getUTCDate()));
    const contact = await tx.contact.create({
      data: {
        familyId: family.id,
        teamId: family.teamId,
        receivedOn: receivedOn > today ? today : receivedOn,
        source: "other",
        sourceDetail: `${request.referrerAgency} (${request.reference})`,
        reason: [request.concern, request.children && `Children: ${request.children}`].filter(Boolean).join("\n\n"),
        createdById: actor.user.id,
      },
    });
    await tx.consent.create({
      data: {
        familyId: family.id,
        contactId: contact.id,
        purpose: "early_help_support",
        status: request.familyConsents ? "given" : "refused",
        recordedOn: contact.receivedOn,
        recordedById: actor.user.id,
      },
    });
    await tx.supportRequest.update({ where: { id }, data: { contactId: contact.id } });
    await audit(actor, { action: "accept", entity: "support-request", entityId: id, familyId: family.id }, tx);
    await audit(actor, { action: "create", entity: "contact", entityId: contact.id, familyId: family.id, detail: { source: "online-request" } }, tx);
    return { familyId: family.id, contactId: contact.id };
  });
}

