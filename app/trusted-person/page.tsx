import { RoleHome } from "@/components/role-home";
import { requirePageActor } from "@/lib/auth/guards";

export default async function TrustedPersonHomePage() {
  const actor = await requirePageActor(["TRUSTED_PERSON"]);
  return <RoleHome actor={actor} section="trustedPerson" />;
}
