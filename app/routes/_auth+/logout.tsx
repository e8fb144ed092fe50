import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/utils/audit.server";
import { readForm } from "~/utils/forms.server";
import { getRequestInfo } from "~/utils/request-info.server";
import { destroyUserSession, getCurrentSession } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await getCurrentSession(request);
  if (current) {
    await readForm(request, current);
    await audit({ user: current.user, info: getRequestInfo(request) }, { action: "sign-out", entity: "session", entityId: current.user.id });
  }
  return redirect("/login", { headers: { "Set-Cookie": await destroyUserSession(request) } });
}
