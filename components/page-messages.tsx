// The messages of one page's client components, added to the ones every page gets (the root
// layout's provider): a nested provider replaces its parent's messages, so it carries both.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, clientNamespaces, type pageClientNamespaces } from "@/lib/i18n/client-messages";

export async function PageMessages({
  namespaces,
  children,
}: {
  namespaces: ReadonlyArray<(typeof pageClientNamespaces)[number]>;
  children: ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={clientMessages(messages, [...clientNamespaces, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
