/**
 * May a user impersonate another? Neo4j's rule (operations manual, "The DBMS IMPERSONATE privileges"):
 * `IMPERSONATE (target)` or `IMPERSONATE (*)` ON DBMS, or ALL DBMS PRIVILEGES which includes it, must
 * be granted to one of the user's roles (PUBLIC included), and no role may have either denied: a DENY
 * wins. A suspended user, or one that does not exist, holds no privileges. For the Bolt and HTTP
 * layers, which enforce it.
 */
import { PUBLIC_ROLE, type SystemState } from '../store/state.js';

export function mayImpersonate(state: SystemState, user: string | null, target: string): boolean {
  if (user === null) return true; // authentication disabled
  const stored = state.users.get(user);
  if (!stored || stored.suspended) return false;
  const roles = new Set([...stored.roles, PUBLIC_ROLE]);
  let granted = false;
  for (const role of state.roles) {
    if (!roles.has(role.name)) continue;
    for (const p of role.privileges) {
      const covers =
        p.graph === '*' &&
        (p.action === 'dbms_actions' || (p.action === 'impersonate' && (p.segment === 'USER(*)' || p.segment === `USER(${target})`)));
      if (!covers) continue;
      if (p.access === 'DENIED') return false;
      granted = true;
    }
  }
  return granted;
}
