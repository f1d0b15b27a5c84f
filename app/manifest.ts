// The web manifest (/manifest.webmanifest, linked by Next from every page): the portal's name as
// the organisation configures it (lib/env.ts), in the language the browser asks for. Rendered
// per request, so a changed ORG_NAME shows without a new build. The icons are in public/.
import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";
import { organisation } from "@/lib/env";

export const dynamic = "force-dynamic";

const THEME_COLOR = "#0b5e75";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [tCommon, tEdges] = await Promise.all([getTranslations("common"), getTranslations("edges.manifest")]);
  return {
    name: `${tCommon("appName")} · ${organisation.name}`,
    short_name: tCommon("appName"),
    description: tEdges("description"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: THEME_COLOR,
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
