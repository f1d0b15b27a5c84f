// A card that lists things (care-team patients, routed requests, notes, readings, plan items):
// its title, what it says when there are none, and one list item per entry.
import type { ReactNode } from "react";
import { Card } from "@/components/ui";

const layouts = {
  stack: "flex flex-col gap-4",
  divided: "flex flex-col divide-y divide-line",
  twoColumns: "grid gap-4 md:grid-cols-2",
} as const;

export function ListCard<T>({
  title,
  empty,
  entries,
  keyOf,
  layout = "stack",
  itemClassName,
  render,
  footer,
}: {
  title: string;
  empty: string;
  entries: readonly T[];
  keyOf: (entry: T) => string;
  layout?: keyof typeof layouts;
  itemClassName?: string;
  render: (entry: T) => ReactNode;
  /** Below the list: the links to its other pages (a paged list). */
  footer?: ReactNode;
}) {
  return (
    <Card title={title}>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={layouts[layout]}>
          {entries.map((entry) => (
            <li key={keyOf(entry)} className={itemClassName}>
              {render(entry)}
            </li>
          ))}
        </ul>
      )}
      {footer}
    </Card>
  );
}
