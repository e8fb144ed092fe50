import { ROLE_GRANTS, ROLES, scopeFor, userHasPermission } from "~/utils/permissions";

describe("permissions", () => {
  it("gives practitioners their team's families and nothing administrative", () => {
    expect(scopeFor(["practitioner"], "read:family")).toBe("team");
    expect(scopeFor(["practitioner"], "write:family")).toBe("team");
    expect(scopeFor(["practitioner"], "manage:user")).toBeNull();
    expect(scopeFor(["practitioner"], "read:audit")).toBeNull();
    expect(scopeFor(["practitioner"], "decide:family")).toBeNull();
  });

  it("lets leads decide and read the audit for their team", () => {
    expect(scopeFor(["lead"], "decide:family")).toBe("team");
    expect(scopeFor(["lead"], "read:audit")).toBe("team");
  });

  it("lets only leads export or delete a family's records, and only their team's", () => {
    expect(scopeFor(["lead"], "manage:family")).toBe("team");
    for (const role of ["practitioner", "facilitator", "parent_champion", "administrator"] as const) {
      expect(scopeFor([role], "manage:family")).toBeNull();
    }
  });

  it("keeps facilitators and parent champions away from case records", () => {
    for (const role of ["facilitator", "parent_champion"] as const) {
      expect(scopeFor([role], "read:family")).toBeNull();
      expect(scopeFor([role], "write:family")).toBeNull();
    }
    expect(scopeFor(["facilitator"], "read:cohort")).toBe("own");
    expect(scopeFor(["parent_champion"], "read:group")).toBe("own");
  });

  it("gives administrators users and the whole audit but no case content", () => {
    expect(scopeFor(["administrator"], "manage:user")).toBe("any");
    expect(scopeFor(["administrator"], "read:audit")).toBe("any");
    expect(scopeFor(["administrator"], "read:family")).toBeNull();
  });

  it("takes the widest scope across several roles", () => {
    expect(scopeFor(["facilitator", "lead"], "read:cohort")).toBe("any");
    expect(scopeFor(["administrator", "lead"], "read:family")).toBe("team");
  });

  it("mirrors the check for the UI", () => {
    expect(userHasPermission({ roles: ["administrator"] }, "manage:user")).toBe(true);
    expect(userHasPermission({ roles: ["practitioner"] }, "manage:user")).toBe(false);
    expect(userHasPermission(null, "read:family")).toBe(false);
  });

  it("has grants for every role and only well-formed grants", () => {
    for (const role of ROLES) {
      expect(ROLE_GRANTS[role].length).toBeGreaterThan(0);
      for (const grant of ROLE_GRANTS[role]) expect(grant).toMatch(/^(read|write|decide|manage):[a-z]+:(own|team|any)$/);
    }
  });
});
