import NextLink from "next/link";
import type { ComponentProps } from "react";

export type LinkProps = Omit<ComponentProps<typeof NextLink>, "prefetch">;

/**
 * The portal's link: next/link without prefetching (ADR 0028). Every page behind a link is
 * rendered per person and per request, so a prefetch brings only the loading state, at the
 * price of a request per link in view (two in Next 16): a nurse's care team, a file's entries
 * and the header's links meant 7 to 15 requests after every page, each one reading the
 * session. A click costs the one request it would anyway. ESLint keeps next/link out of every
 * other file (eslint.config.mjs).
 */
export function Link(props: LinkProps) {
  return <NextLink {...props} prefetch={false} />;
}
