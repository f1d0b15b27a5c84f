// A <select> in the same frame as TextField (./text-field.tsx): real <label for>, hint and
// error announced with the control.
import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";
import { FieldFrame, useFieldId } from "./text-field";

export type SelectFieldProps = Omit<ComponentProps<"select">, "id" | "name"> & {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  markOptional?: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function SelectField({
  name,
  id: givenId,
  label,
  hint,
  error,
  markOptional,
  options,
  required,
  className,
  ...selectProps
}: SelectFieldProps) {
  const id = useFieldId(name, givenId);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      markOptional={markOptional}
      className={className}
    >
      {(describedBy) => (
        <select
          id={id}
          name={name}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cx(
            "min-h-11 w-full rounded-md border-2 bg-white px-3 py-2 text-base text-ink",
            error ? "border-danger-700" : "border-ink-muted",
          )}
          {...selectProps}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
