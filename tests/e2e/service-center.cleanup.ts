// Run by tests/e2e/service-center.spec.ts after it published declaration version 5 for nurses.
// A published version survives a demo-world reseed (DeclarationVersion is preserved, as it must
// be in the portal), so without this every later spec of the same run would find n.nina and
// n.noah gated by a declaration the demo world does not know. Test clean-up only: the portal
// itself never withdraws a published version.
import { withCommandDatabase } from "../../scripts/db/command-database";

async function main(): Promise<void> {
  const [{ createPrismaClient }] = await Promise.all([import("@/lib/db/client")]);
  await withCommandDatabase(async ({ url }) => {
    const prisma = createPrismaClient(url, 2);
    try {
      const removed = await prisma.declarationVersion.deleteMany({ where: { role: "NURSE", version: { gt: 4 } } });
      console.log(`removed ${removed.count} test declaration version(s)`);
    } finally {
      await prisma.$disconnect();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
