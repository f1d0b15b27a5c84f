import { RoleHome } from "@/components/role-home";
import { requirePageActor } from "@/lib/auth/guards";

export default async function PatientHomePage() {
  const actor = await requirePageActor(["PATIENT"]);
  return <RoleHome actor={actor} section="patient" />;
}
