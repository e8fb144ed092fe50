import type { Role } from "~/generated/prisma/enums";
import { cohortScope } from "~/models/courses/access.server";
import { familyScope, familyTeamFilter } from "./access.server";

const actor = (roles: Role[], teamId: string | null = "t1") => ({
  user: { id: "u1", email: "u@example.test", name: "U", roles, teamId, teamName: null, preferredLanguage: "en", mustChangePassword: false },
  sessionId: "s1",
  info: { ip: "127.0.0.1", requestId: "r1" },
});

describe("scope from the roles and the permission exercised", () => {
  it("limits families to the team for practitioners and leads, whichever family permission", () => {
    for (const permission of ["read:family", "write:family"] as const) {
      expect(familyScope(actor(["practitioner"]), permission)).toEqual({ teamId: "t1" });
      expect(familyScope(actor(["lead"]), permission)).toEqual({ teamId: "t1" });
    }
    expect(familyScope(actor(["lead"]), "decide:family")).toEqual({ teamId: "t1" });
    expect(familyTeamFilter(actor(["lead"]), "manage:family")).toBe("t1");
  });

  it("gives nothing to roles without the permission, or to a team-scoped user without a team", () => {
    expect(familyScope(actor(["facilitator"]), "read:family")).toEqual({ id: "__none__" });
    expect(familyScope(actor(["practitioner"]), "decide:family")).toEqual({ id: "__none__" });
    expect(familyScope(actor(["administrator"]), "read:family")).toEqual({ id: "__none__" });
    expect(familyScope(actor(["practitioner"], null), "read:family")).toEqual({ id: "__none__" });
  });

  it("works cohort scope out per permission: any for leads, the team for practitioners, their own for facilitators", () => {
    expect(cohortScope(actor(["lead"]), "manage:cohort")).toEqual({});
    expect(cohortScope(actor(["practitioner"]), "write:cohort")).toEqual({ teamId: "t1" });
    expect(cohortScope(actor(["practitioner"]), "manage:cohort")).toEqual({ id: "__none__" });
    expect(cohortScope(actor(["facilitator"]), "read:cohort")).toEqual({ facilitators: { some: { userId: "u1" } } });
  });
});
