// A home page's ways onward: big cards, each one link with a title and one line of what is
// behind it (the patient's and the service center's home pages).
import { Link } from "./link";
import { cx } from "./cx";

export type TileLink = { key: string; href: string; title: string; body: string };

export function TileLinks({ tiles, columns = 2 }: { tiles: readonly TileLink[]; columns?: 2 | 3 }) {
  return (
    <ul className={cx("grid grid-cols-1 gap-4 sm:grid-cols-2", columns === 3 ? "lg:grid-cols-3" : undefined)}>
      {tiles.map((tile) => (
        <li key={tile.key}>
          <Link
            href={tile.href}
            className="flex h-full flex-col gap-2 rounded-xl border-2 border-line bg-white p-5 shadow-sm hover:border-brand-700 focus-visible:border-brand-700"
          >
            <span className="text-xl font-bold text-brand-800 underline underline-offset-4">{tile.title}</span>
            <span className="text-ink">{tile.body}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
