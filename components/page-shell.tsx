// What every page renders around its content: the header and the <main> landmark the skip link
// points at. The root layout cannot do this because it cannot know the actor (house style: no
// auth checks in layouts), so pages pass it: <PageShell actor={...}>...</PageShell>.
import type { ReactNode } from "react";
import { SiteHeader, pageWidthClasses, type HeaderActor, type PageWidth } from "@/components/site-header";
import { cx } from "@/components/ui/cx";

export type PageShellProps = {
  actor?: HeaderActor;
  children: ReactNode;
  /** "narrow" for forms and reading (login, declaration), "wide" for tables. */
  width?: PageWidth;
};

export function PageShell({ actor, children, width = "default" }: PageShellProps) {
  return (
    <>
      {/* A narrow page keeps the normal header: squeezed, it would wrap for no reason. */}
      <SiteHeader actor={actor} width={width === "wide" ? "wide" : "default"} />
      <main
        id="main"
        tabIndex={-1}
        className={cx("mx-auto w-full flex-1 px-4 py-8 sm:px-6 sm:py-10", pageWidthClasses[width])}
      >
        {children}
      </main>
    </>
  );
}
