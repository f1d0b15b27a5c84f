// The part of the message catalogue the browser gets (ADR 0025). Server components translate on
// the server with the whole catalogue; only client components need messages in the browser, and
// sending them all (about 80 KB) with every page was a quarter of a file page's HTML. Each
// namespace a client component reads is listed here; client-messages.test.ts reads every
// "use client" file and fails on a namespace that is missing, so a new one cannot be forgotten.

/**
 * Dotted namespaces, as client components pass them to useTranslations: the ones every page needs
 * (the root layout sends them with every page).
 */
export const clientNamespaces = ["common", "form", "errors.generic"] as const;

/**
 * Namespaces of client components that appear on one page only: that page wraps them in
 * <PageMessages namespaces={[...]}> (components/page-messages.tsx), so the other pages do not
 * carry them (about 5 KB of every page's HTML).
 */
export const pageClientNamespaces = ["login", "caregiver.lookup", "security.secondFactor"] as const;

type Messages = Record<string, unknown>;

/** The listed namespaces of `messages`, nested as in the catalogue; nothing else. */
export function clientMessages(messages: Messages, namespaces: readonly string[] = clientNamespaces): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: unknown = messages;
    for (const key of path) {
      source =
        source !== null && typeof source === "object" && Object.hasOwn(source, key)
          ? (source as Messages)[key]
          : undefined;
    }
    if (source === undefined) continue;
    let target = picked;
    for (const key of path.slice(0, -1)) {
      if (!Object.hasOwn(target, key)) target[key] = {};
      target = target[key] as Messages;
    }
    target[path.at(-1)!] = source;
  }
  return picked;
}
