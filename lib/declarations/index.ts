// User declarations (gebruikersverklaringen) and the privacy statement: reading the current
// version in the reader's language and accepting it. The gate itself lives in the session
// lookup (lib/auth/portal-session.ts) so every page and route shares it.
import "server-only";
import { z } from "zod";
import type { GatedActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { organisation } from "@/lib/env";
import { PortalError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { defaultLocale, type Locale } from "@/lib/i18n/config";

const ZLocalizedText = z.object({ title: z.string(), body: z.string() });
const ZContent = z.record(z.string(), ZLocalizedText);

export type LegalText = { version: number; publishedAt: Date; title: string; body: string };

/** Organisation details are configuration, filled in where the text names them. */
function fillPlaceholders(text: string): string {
  return text
    .replaceAll("{organisation}", organisation.name)
    .replaceAll("{serviceCenterPhone}", organisation.serviceCenterPhone)
    .replaceAll("{privacyEmail}", organisation.privacyEmail);
}

function localize(content: unknown, locale: Locale): { title: string; body: string } {
  const parsed = ZContent.parse(content);
  const text = parsed[locale] ?? parsed[defaultLocale];
  if (!text) throw new Error("legal text has no version in the default language");
  return { title: fillPlaceholders(text.title), body: fillPlaceholders(text.body) };
}

export async function getCurrentDeclaration(role: Role, locale: Locale): Promise<LegalText | null> {
  const declaration = await prisma.declarationVersion.findFirst({ where: { role }, orderBy: { version: "desc" } });
  if (!declaration) return null;
  return {
    version: declaration.version,
    publishedAt: declaration.publishedAt,
    ...localize(declaration.content, locale),
  };
}

/**
 * Accepts the current declaration of the actor's active role. Any other version is refused:
 * accepting an old text must never open the gate of a newer one.
 */
export async function acceptDeclaration(actor: GatedActor, version: number): Promise<{ role: Role; version: number }> {
  const current = await prisma.declarationVersion.findFirst({
    where: { role: actor.activeRole },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (!current) throw new PortalError("not_found", { userMessage: "No declaration is published for this role." });
  if (version !== current.version) {
    throw new PortalError("invalid_input", {
      userMessage: `Version ${version} is not the current declaration; the current version is ${current.version}.`,
      issues: [{ path: "version", message: `must be ${current.version}, the current version` }],
    });
  }
  // Idempotent: a double click or a retry accepts once.
  await prisma.declarationAcceptance.upsert({
    where: { personId_role_version: { personId: actor.personId, role: actor.activeRole, version } },
    create: { personId: actor.personId, role: actor.activeRole, version },
    update: {},
  });
  return { role: actor.activeRole, version };
}

export async function getPrivacyStatement(locale: Locale, version?: number): Promise<LegalText | null> {
  const statement = await prisma.privacyStatementVersion.findFirst({
    where: version ? { version } : undefined,
    orderBy: { version: "desc" },
  });
  if (!statement) return null;
  return { version: statement.version, publishedAt: statement.publishedAt, ...localize(statement.content, locale) };
}
