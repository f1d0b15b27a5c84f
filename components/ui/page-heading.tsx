import type { ReactNode } from "react";
import { cx } from "./cx";

export type PageHeadingProps = {
  /** The page's one <h1>. */
  title: ReactNode;
  /** A short line above the title, e.g. the patient whose file this is. */
  eyebrow?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
};

export function PageHeading({ title, eyebrow, description, actions, className }: PageHeadingProps) {
  return (
    <div className={cx("mb-6 flex flex-wrap items-end justify-between gap-4", className)}>
      <div className="flex max-w-prose flex-col gap-2">
        {eyebrow ? <p className="font-semibold text-brand-800">{eyebrow}</p> : null}
        <h1 className="text-3xl leading-tight font-bold text-ink sm:text-4xl">{title}</h1>
        {description ? <div className="text-lg text-ink-muted">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-3">{actions}</div> : null}
    </div>
  );
}
