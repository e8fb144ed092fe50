import type { Role } from "~/generated/prisma/enums";
import { familyScope } from "~/models/casework/access.server";
import { getOverdueCounts } from "~/models/casework/caseload.server";
import { triageWhere } from "~/models/casework/support-request.server";
import { countSupervisionOverdue } from "~/models/casework/supervision.server";
import { db } from "~/utils/db.server";
import { scopeFor } from "~/utils/permissions";
import type { SessionUser } from "~/utils/session.server";
import type { RequestInfo } from "~/utils/request-info.server";

export type DashboardCard = { key: string; value: number; href?: string };

const ROLE_ORDER: Role[] = ["lead", "practitioner", "administrator", "facilitator", "parent_champion"];

/**
 * The home page per role: counts only (no family details), so it needs no audit entry.
 * Later features add their cards here.
 */
export async function getDashboard({ user }: { user: SessionUser; info: RequestInfo }) {
  const cards: DashboardCard[] = [];
  const actor = { user };
  if (scopeFor(user.roles, "read:family")) {
    cards.push({ key: "teamFamilies", value: await db.family.count({ where: familyScope(actor, "read:family") }), href: "/families" });
    const isLead = scopeFor(user.roles, "decide:family") !== null;
    const mine = await getOverdueCounts(actor, true);
    cards.push({ key: "myOverdue", value: mine.assessments + mine.actions + mine.reviews, href: "/caseload" });
    if (isLead) {
      const team = await getOverdueCounts(actor, false);
      cards.push({ key: "awaitingDecision", value: team.awaiting, href: "/caseload/team" });
      cards.push({ key: "teamOverdueAssessments", value: team.assessments, href: "/caseload/team" });
      cards.push({ key: "teamOverdueActions", value: team.actions, href: "/caseload/team" });
      cards.push({ key: "triage", value: await db.supportRequest.count({ where: { AND: [triageWhere(actor), { status: "new" }] } }), href: "/triage" });
    }
  }
  if (scopeFor(user.roles, "write:supervision")) {
    cards.push({ key: "supervisionOverdue", value: await countSupervisionOverdue(user.teamId), href: "/supervision" });
  }
  if (scopeFor(user.roles, "manage:user")) {
    cards.push({ key: "users", value: await db.user.count({ where: { disabledAt: null } }), href: "/admin/users" });
  }
  const primaryRole = ROLE_ORDER.find((r) => user.roles.includes(r)) ?? "practitioner";
  return { cards, roles: user.roles, primaryRole };
}
