import { RoleHome } from "@/components/role-home";
import { requirePageActor } from "@/lib/auth/guards";

export default async function NurseHomePage() {
  const actor = await requirePageActor(["NURSE"]);
  return <RoleHome actor={actor} section="nurse" />;
}
