import type { Role } from "~/generated/prisma/enums";

/**
 * Permissions as data: each role grants `action:entity:scope` strings. Scopes:
 * `own` (records the user runs or is allocated), `team` (the user's team or service),
 * `any` (the whole service). This file is shared with the browser so the UI can hide
 * what a user cannot do; the server check is `requirePermission` in auth.server.ts.
 */
export const ACTIONS = ["read", "write", "decide", "manage"] as const;
export const ENTITIES = [
  "family",
  "audit",
  "user",
  "report",
  "survey",
  "cohort",
  "programme",
  "group",
  "supervision",
  "settings",
] as const;
export const SCOPES = ["own", "team", "any"] as const;

export type Action = (typeof ACTIONS)[number];
export type Entity = (typeof ENTITIES)[number];
export type Scope = (typeof SCOPES)[number];
export type PermissionString = `${Action}:${Entity}`;
export type Grant = `${Action}:${Entity}:${Scope}`;

export const ROLES = ["practitioner", "lead", "facilitator", "parent_champion", "administrator"] as const satisfies readonly Role[];

export const ROLE_GRANTS: Record<Role, readonly Grant[]> = {
  practitioner: [
    "read:family:team",
    "write:family:team",
    "read:cohort:team",
    "write:cohort:team",
    "read:group:team",
    "write:group:team",
    "read:supervision:own",
    "read:report:team",
  ],
  lead: [
    "read:family:team",
    "write:family:team",
    "decide:family:team",
    // Subject access exports and deletion after the retention period.
    "manage:family:team",
    "read:audit:team",
    "read:supervision:team",
    "write:supervision:team",
    "read:report:any",
    "manage:report:any",
    "manage:survey:any",
    "read:cohort:any",
    "write:cohort:any",
    "manage:cohort:any",
    "manage:programme:any",
    "read:group:any",
    "write:group:any",
    "manage:group:any",
  ],
  facilitator: ["read:cohort:own", "write:cohort:own", "read:group:own", "write:group:own"],
  parent_champion: ["read:group:own", "write:group:own"],
  administrator: [
    "manage:user:any",
    "read:audit:any",
    "manage:settings:any",
    "manage:programme:any",
    "read:report:any",
  ],
};

const SCOPE_RANK: Record<Scope, number> = { own: 1, team: 2, any: 3 };

/** The widest scope the roles grant for a permission, or null when none do. */
export function scopeFor(roles: readonly Role[], permission: PermissionString): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    for (const grant of ROLE_GRANTS[role] ?? []) {
      const [action, entity, scope] = grant.split(":") as [Action, Entity, Scope];
      if (`${action}:${entity}` !== permission) continue;
      if (!best || SCOPE_RANK[scope] > SCOPE_RANK[best]) best = scope;
    }
  }
  return best;
}

/** For the UI: whether to show a link or button. The server still checks. */
export function userHasPermission(user: { roles: readonly Role[] } | null | undefined, permission: PermissionString): boolean {
  return !!user && scopeFor(user.roles, permission) !== null;
}
