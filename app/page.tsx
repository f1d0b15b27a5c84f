import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/guards";
import { roleHomePath } from "@/lib/auth/roles";

/** The front door: the guard sends the person to the step they miss, then to their role's home. */
export default async function HomePage() {
  const actor = await requirePageActor();
  redirect(roleHomePath[actor.activeRole]);
}
