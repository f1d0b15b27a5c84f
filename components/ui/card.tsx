import { useId, type ReactNode } from "react";
import { cx } from "./cx";

export type CardProps = {
  /** With a title the card is a labelled region a screen-reader user can jump to. */
  title?: ReactNode;
  titleLevel?: 2 | 3;
  /** Right of the title on wide screens, below it on narrow ones. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
};

// min-w-0: a card in a grid or flex row may shrink below the width of its widest control (a
// <select> is as wide as its longest option), so at 320 CSS px (400% zoom) the page reflows
// instead of scrolling sideways.
export function Card({ title, titleLevel = 2, actions, children, className }: CardProps) {
  const headingId = useId();
  const Heading = titleLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={title ? headingId : undefined} className={cx("card", className)}>
      {title || actions ? (
        <div className="card-head">
          {title ? (
            <Heading id={headingId} className={titleLevel === 2 ? "text-xl font-bold" : "text-lg font-bold"}>
              {title}
            </Heading>
          ) : null}
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
