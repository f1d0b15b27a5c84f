import type { ReactNode } from "react";
import { cx } from "./cx";

export type AlertTone = "info" | "success" | "warning" | "error";

const tones = {
  info: { box: "border-brand-700 bg-brand-50", icon: "text-brand-700" },
  success: { box: "border-success-700 bg-success-50", icon: "text-success-700" },
  warning: { box: "border-warning-700 bg-warning-50", icon: "text-warning-700" },
  error: { box: "border-danger-700 bg-danger-50", icon: "text-danger-700" },
} satisfies Record<AlertTone, { box: string; icon: string }>;

// Shapes differ per tone as well as colours, so the meaning does not rest on colour alone.
const icons = {
  info: <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z" />,
  success: <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z" />,
  warning: <path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z" />,
  error: <path d="M15.7 2H8.3L2 8.3v7.4L8.3 22h7.4l6.3-6.3V8.3L15.7 2ZM13 17h-2v-2h2v2Zm0-4h-2V7h2v6Z" />,
} satisfies Record<AlertTone, ReactNode>;

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Errors and warnings interrupt a screen reader (role="alert"); information and confirmations
   * wait their turn (role="status"). Pass "none" for a notice that is simply part of the page.
   */
  announce?: "auto" | "none";
  className?: string;
  id?: string;
};

export function Alert({ tone = "info", title, children, announce = "auto", className, id }: AlertProps) {
  const role = announce === "none" ? undefined : tone === "error" || tone === "warning" ? "alert" : "status";
  return (
    <div
      id={id}
      role={role}
      className={cx("flex gap-3 rounded-lg border-l-8 p-4 text-ink", tones[tone].box, className)}
    >
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        className={cx("mt-1 size-6 shrink-0 fill-current", tones[tone].icon)}
      >
        {icons[tone]}
      </svg>
      <div className="flex min-w-0 flex-col gap-1">
        {title ? <p className="font-bold">{title}</p> : null}
        {children ? <div className="flex flex-col gap-2">{children}</div> : null}
      </div>
    </div>
  );
}
