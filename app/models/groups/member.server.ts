import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { likeLiteral } from "~/utils/like";
import { scopeFor } from "~/utils/permissions";
import { startOfDay } from "~/models/casework/rules";
import { familyScope } from "~/models/casework/access.server";
import { requireGroup, seesMemberDetails, type Tx } from "./access.server";
import type { InviteePerson, MemberInput, MemberLeftInput, MemberUpdateInput } from "./schemas";

/** A family, looked up by reference, with its adults, for linking a member. Audited. */
export async function findFamilyForLinking(actor: Actor, reference: string) {
  if (scopeFor(actor.user.roles, "read:family") === null) throw errorResponse(403, "errors.forbidden");
  const family = await db.family.findFirst({
    where: { AND: [{ reference: { equals: likeLiteral(reference.trim()), mode: "insensitive" } }, familyScope(actor, "read:family")] },
    select: { id: true, reference: true, name: true, preferredLanguage: true, members: { where: { kind: "adult" }, select: { id: true, firstName: true, lastName: true, preferredLanguage: true }, orderBy: { firstName: "asc" } } },
  });
  await audit(actor, { action: "search", entity: "family", familyId: family?.id ?? null, detail: { groupLink: true, found: Boolean(family) } });
  return family;
}

/** A family member the actor may see (their family is in scope), or a 400. */
async function requireLinkableMember(actor: Actor, familyMemberId: string, client: Tx) {
  if (scopeFor(actor.user.roles, "read:family") === null) throw errorResponse(400, "groups:staff.errors.cannotLink");
  const member = await client.familyMember.findFirst({
    where: { id: familyMemberId, kind: "adult", family: familyScope(actor, "read:family") },
    select: { id: true, firstName: true, familyId: true, preferredLanguage: true, family: { select: { preferredLanguage: true } } },
  });
  if (!member) throw errorResponse(400, "groups:staff.errors.unknownFamilyMember");
  return member;
}

type NewMember = Omit<MemberInput, "joinedOn"> & { joinedOn?: Date };

async function createMember(actor: Actor, groupId: string, input: NewMember, tx: Tx) {
  let familyId: string | null = null;
  let firstName = input.firstName ?? "";
  if (input.familyMemberId) {
    const fm = await requireLinkableMember(actor, input.familyMemberId, tx);
    const already = await tx.groupMember.findFirst({ where: { groupId, familyMemberId: fm.id, leftOn: null }, select: { id: true } });
    if (already) return { member: already, created: false };
    familyId = fm.familyId;
    firstName = fm.firstName;
  }
  const member = await tx.groupMember.create({
    data: {
      groupId,
      familyMemberId: input.familyMemberId ?? null,
      firstName,
      // A linked parent's contact details live on the family record, not here.
      contact: input.familyMemberId ? null : (input.contact ?? null),
      language: input.language,
      consentToContact: input.consentToContact,
      source: input.source,
      sourceCohortId: input.sourceCohortId ?? null,
      joinedOn: input.joinedOn ?? startOfDay(new Date()),
      addedById: actor.user.id,
    },
  });
  await audit(actor, { action: "create", entity: "group-member", entityId: member.id, familyId, detail: { groupId, source: input.source, linked: Boolean(familyId) } }, tx);
  return { member, created: true };
}

/** Adds a parent to a group: linked to a family member the actor may see, or a light record. */
export async function addGroupMember(actor: Actor, groupId: string, input: MemberInput) {
  const group = await requireGroup(actor, groupId, "write");
  return db.$transaction(async (tx) => {
    const { member, created } = await createMember(actor, group.id, input, tx);
    if (!created) throw errorResponse(400, "groups:errors.alreadyMember");
    return member;
  });
}

/**
 * One member of a group, for changing their details. Only staff who see member details
 * (not parent champions or facilitators, who see first names) may open it. Audited, with
 * the entry in a linked family's history too.
 */
export async function getGroupMember(actor: Actor, groupId: string, memberId: string) {
  const group = await requireGroup(actor, groupId, "write");
  if (!seesMemberDetails(actor)) throw errorResponse(403, "errors.forbidden");
  const member = await db.groupMember.findFirst({
    where: { id: memberId, groupId: group.id },
    include: { familyMember: { select: { lastName: true, familyId: true } } },
  });
  if (!member) throw errorResponse(404, "errors.notFound");
  await audit(actor, { action: "read", entity: "group-member", entityId: member.id, familyId: member.familyMember?.familyId ?? null, detail: { groupId: group.id } });
  return { group, member };
}

/** Writes a change to one member if nobody else has changed it since `version`; else 409. */
async function changeMember(actor: Actor, groupId: string, memberId: string, version: number, data: (m: { familyMemberId: string | null; joinedOn: Date; leftOn: Date | null }) => Prisma.GroupMemberUpdateManyMutationInput, what: string) {
  const group = await requireGroup(actor, groupId, "write");
  if (!seesMemberDetails(actor)) throw errorResponse(403, "errors.forbidden");
  return db.$transaction(async (tx) => {
    const member = await tx.groupMember.findFirst({ where: { id: memberId, groupId: group.id }, include: { familyMember: { select: { familyId: true } } } });
    if (!member) throw errorResponse(404, "errors.notFound");
    const moved = await tx.groupMember.updateMany({ where: { id: member.id, version }, data: { ...data(member), version: { increment: 1 } } });
    if (!moved.count) throw errorResponse(409, "groups:staff.errors.memberVersionConflict");
    await audit(actor, { action: "update", entity: "group-member", entityId: member.id, familyId: member.familyMember?.familyId ?? null, detail: { groupId: group.id, change: what } }, tx);
    return member;
  });
}

/** Changes a member's language, consent, and (for a light record) first name and contact. */
export async function updateGroupMember(actor: Actor, groupId: string, memberId: string, input: MemberUpdateInput) {
  return changeMember(actor, groupId, memberId, input.version, (m) => {
    if (m.familyMemberId) return { language: input.language, consentToContact: input.consentToContact };
    if (!input.firstName) throw errorResponse(400, "groups:errors.firstNameRequired");
    return { firstName: input.firstName, contact: input.contact ?? null, language: input.language, consentToContact: input.consentToContact };
  }, "details");
}

/**
 * Marks a member as having left on a day. They drop off the member list and the register
 * of later meetings; their past attendance stays, so reach for earlier months is unchanged.
 */
export async function markMemberLeft(actor: Actor, groupId: string, memberId: string, input: MemberLeftInput) {
  return changeMember(actor, groupId, memberId, input.version, (m) => {
    if (m.leftOn) throw errorResponse(400, "groups:errors.alreadyLeft");
    if (input.leftOn < m.joinedOn) throw errorResponse(400, "groups:errors.leftBeforeJoined");
    return { leftOn: input.leftOn };
  }, "left");
}

/**
 * Invites parents who completed a parenting course to a group, all or nothing: one bad
 * entry (a family member the actor may not see, a missing name) changes nothing. A
 * parent already in the group (same family member, or same first name, contact and
 * cohort) is skipped, so posting the same list twice adds no one twice.
 */
export async function inviteToGroup(actor: Actor, groupId: string, people: InviteePerson[]) {
  const group = await requireGroup(actor, groupId, "write");
  return db.$transaction(async (tx) => {
    let added = 0;
    let skipped = 0;
    for (const person of people) {
      if (!person.familyMemberId) {
        const dup = await tx.groupMember.count({
          where: { groupId: group.id, leftOn: null, familyMemberId: null, firstName: person.firstName!, contact: person.contact ?? null, sourceCohortId: person.sourceCohortId },
        });
        if (dup) {
          skipped += 1;
          continue;
        }
      }
      const { created } = await createMember(actor, group.id, { ...person, source: "course_graduate" }, tx);
      if (created) added += 1;
      else skipped += 1;
    }
    await audit(actor, { action: "invite", entity: "group", entityId: group.id, detail: { added, skipped, cohorts: [...new Set(people.map((p) => p.sourceCohortId))] } }, tx);
    return { added, skipped };
  });
}
