import type { Db } from "@/lib/db";

export type ActorRef = { type: string; id?: string | null; label?: string | null };

// Turns stored actors ("user:<id>", "api_key:<id>", "end_user", "system", or an audit entry's
// type/id/label) into names a person reads: the console user's name or email, the API key's name.
export async function resolveActorNames(db: Db, input: { applicationId: string; actors: ActorRef[] }) {
  const ids = (type: string) => [...new Set(input.actors.filter((a) => a.type === type && a.id).map((a) => a.id!))];
  const [users, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, email: true, name: true } }),
    db.apiKey.findMany({ where: { id: { in: ids("api_key") }, applicationId: input.applicationId }, select: { id: true, name: true } }),
  ]);
  return (actor: ActorRef): string => {
    if (actor.type === "user") {
      const user = users.find((u) => u.id === actor.id);
      return user ? (user.name ? `${user.name} (${user.email})` : user.email) : (actor.label ?? "deleted console user");
    }
    if (actor.type === "api_key") {
      const key = keys.find((k) => k.id === actor.id);
      return key ? `API key "${key.name}"` : (actor.label ?? "API");
    }
    if (actor.type === "end_user") return "end user";
    return actor.label ?? actor.type;
  };
}

// "user:<id>" -> {type: "user", id}; "end_user" -> {type: "end_user"}
export function parseActorTag(tag: string): ActorRef {
  const m = /^(user|api_key):(.+)$/.exec(tag);
  return m ? { type: m[1], id: m[2] } : { type: tag };
}
