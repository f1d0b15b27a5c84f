// One look for everything that acts like a button, whether it is a <button> or a link, so a
// patient learns one shape for "press here".
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";
export type ButtonSize = "md" | "lg";

const variants = {
  primary: "bg-brand-700 text-white border-brand-700 hover:bg-brand-800 hover:border-brand-800",
  secondary: "bg-white text-brand-800 border-brand-700 hover:bg-brand-50",
  danger: "bg-danger-700 text-white border-danger-700 hover:bg-danger-800 hover:border-danger-800",
  quiet: "bg-transparent text-brand-800 border-transparent underline underline-offset-4 hover:bg-brand-50",
} satisfies Record<ButtonVariant, string>;

// Both sizes stay above the 44 px touch target (the root font size is 18 px).
const sizes = {
  md: "min-h-11 px-5 py-2 text-base",
  lg: "min-h-14 px-6 py-3 text-lg",
} satisfies Record<ButtonSize, string>;

export function buttonClasses(
  options: { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean; className?: string } = {},
): string {
  const { variant = "primary", size = "md", fullWidth = false, className } = options;
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-lg border-2 font-semibold leading-snug no-underline",
    "text-center transition-[background-color,border-color,color] disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    variants[variant],
    sizes[size],
    fullWidth && "w-full",
    className,
  );
}
