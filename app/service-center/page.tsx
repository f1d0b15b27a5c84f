import { RoleHome } from "@/components/role-home";
import { requirePageActor } from "@/lib/auth/guards";

export default async function ServiceCenterHomePage() {
  const actor = await requirePageActor(["SERVICE_CENTER"]);
  return <RoleHome actor={actor} section="serviceCenter" />;
}
