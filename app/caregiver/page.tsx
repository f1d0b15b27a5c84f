import { RoleHome } from "@/components/role-home";
import { requirePageActor } from "@/lib/auth/guards";

export default async function CaregiverHomePage() {
  const actor = await requirePageActor(["DOCTOR", "CAREGIVER"]);
  return <RoleHome actor={actor} section="caregiver" />;
}
