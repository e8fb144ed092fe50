import type { Actor } from "~/utils/auth.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { errorResponse } from "~/utils/http.server";
import { OPEN_STATUSES, readFamily, requireFamily } from "./access.server";
import type { CaseNoteInput } from "./schemas";

/** Records a case note (a visit, call or meeting) on the family, optionally tied to an episode. */
export async function addCaseNote(actor: Actor, familyId: string, input: CaseNoteInput) {
  const family = await requireFamily(actor, familyId, "write:family");
  if (input.contactId && !(await db.contact.count({ where: { id: input.contactId, familyId: family.id } }))) throw errorResponse(400, "errors.unknownContact");
  return db.$transaction(async (tx) => {
    const note = await tx.caseNote.create({
      data: {
        familyId: family.id,
        contactId: input.contactId ?? null,
        occurredOn: input.occurredOn,
        type: input.type,
        whoSeen: input.whoSeen,
        childSeenAlone: input.childSeenAlone,
        purpose: input.purpose,
        whatHappened: input.whatHappened,
        childVoice: input.childVoice,
        differenceMade: input.differenceMade,
        nextSteps: input.nextSteps,
        authorId: actor.user.id,
      },
    });
    await audit(actor, { action: "create", entity: "case-note", entityId: note.id, familyId, detail: { type: input.type } }, tx);
    return note;
  });
}

/** The new case note form: the family (an audited read) and its open episode, if any, to tie the note to. */
export async function getCaseNoteForm(actor: Actor, familyId: string) {
  const family = await readFamily(actor, familyId, { permission: "write:family" });
  const open = await db.contact.findFirst({ where: { familyId: family.id, status: { in: OPEN_STATUSES } }, orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }], select: { id: true } });
  return { family, contactId: open?.id ?? null };
}
