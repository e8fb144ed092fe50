import { verify } from "@node-rs/argon2";
import { changeOwnPassword, createStaffUser, EmailTakenError, resetPassword, setUserDisabled, updateStaffUser } from "~/models/users/user.server";
import { verifyLogin } from "~/utils/auth.server";
import { createUserSession, getCurrentSession } from "~/utils/session.server";
import { actorFor, createTeam, getDb, testInfo } from "./helpers";

describe("administering staff accounts", () => {
  it("creates an account with a one-time temporary password that must be changed", async () => {
    const admin = await actorFor(["administrator"], "manage:user", null);
    const team = await createTeam(getDb());
    const email = `New.Person-${Date.now()}@Council.example`;
    const { user, temporaryPassword } = await createStaffUser(admin, { name: "New Person", email, roles: ["practitioner"], teamId: team.id, organisation: null, preferredLanguage: "ps" });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.mustChangePassword).toBe(true);
    expect(await verify(user.passwordHash, temporaryPassword)).toBe(true);
    expect(await verifyLogin(email, temporaryPassword, { ip: "10.9.9.1", requestId: "t" })).toMatchObject({ ok: true });
    await expect(createStaffUser(admin, { name: "Again", email, roles: ["lead"], teamId: null, organisation: null, preferredLanguage: "en" })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await getDb().auditEvent.count({ where: { actorId: admin.user.id, action: "create", entity: "user", entityId: user.id } })).toBe(1);
  });

  it("never lets administrators remove their own administrator role", async () => {
    const admin = await actorFor(["administrator"], "manage:user", null);
    const updated = await updateStaffUser(admin, admin.user.id, { name: "Me", roles: ["lead"], teamId: null, organisation: null, preferredLanguage: "en" });
    expect(updated.roles.sort()).toEqual(["administrator", "lead"]);
  });

  it("disabling and resetting end the person's sessions at once", async () => {
    const admin = await actorFor(["administrator"], "manage:user", null);
    const { user } = await createStaffUser(admin, { name: "P", email: `p-${Date.now()}@council.example`, roles: ["practitioner"], teamId: null, organisation: null, preferredLanguage: "en" });
    const cookie = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0]!;
    const request = () => new Request("http://localhost/", { headers: { Cookie: cookie } });
    expect(await getCurrentSession(request())).not.toBeNull();
    await setUserDisabled(admin, user.id, true);
    expect(await getCurrentSession(request())).toBeNull();
    await setUserDisabled(admin, user.id, false);

    const cookie2 = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0]!;
    const temp = await resetPassword(admin, user.id);
    expect(await getCurrentSession(new Request("http://localhost/", { headers: { Cookie: cookie2 } }))).toBeNull();
    expect(await verifyLogin(user.email, temp, { ip: "10.9.9.2", requestId: "t" })).toMatchObject({ ok: true });
  });

  it("changing your own password clears the temporary flag and ends your other sessions", async () => {
    const admin = await actorFor(["administrator"], "manage:user", null);
    const { user } = await createStaffUser(admin, { name: "Q", email: `q-${Date.now()}@council.example`, roles: ["lead"], teamId: null, organisation: null, preferredLanguage: "en" });
    const other = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0]!;
    const mine = (await createUserSession(new Request("http://localhost/login"), user.id)).split(";")[0]!;
    const current = (await getCurrentSession(new Request("http://localhost/", { headers: { Cookie: mine } })))!;
    await changeOwnPassword({ ...current, info: testInfo }, "lantern harbour copper tulip");
    const after = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(await verify(after.passwordHash, "lantern harbour copper tulip")).toBe(true);
    expect(await getCurrentSession(new Request("http://localhost/", { headers: { Cookie: other } }))).toBeNull();
    expect(await getCurrentSession(new Request("http://localhost/", { headers: { Cookie: mine } }))).not.toBeNull();
  });
});
