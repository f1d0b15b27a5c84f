"use client";
import { useFormStatus } from "react-dom";
import type { MouseEvent } from "react";
import { buttonClasses } from "./button-styles";
import type { ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Shown while the form is being sent, e.g. t("form.submitting"). */
  pendingLabel?: string;
};

/**
 * Submit button of a form with a server action. While the form is being sent it refuses a
 * second press, so an impatient double tap cannot write the same note twice. It stays focusable
 * (aria-disabled, not disabled) so a screen reader does not lose its place.
 */
export function SubmitButton({
  variant,
  size,
  fullWidth,
  className,
  pendingLabel,
  children,
  onClick,
  ...props
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    // Pressing Enter in a field also arrives here as a click on the submit button.
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className={buttonClasses({ variant, size, fullWidth, className })}
      onClick={handleClick}
      {...props}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
