import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled form control with optional hint and error text (NL Design System form field), wired up
 * with aria-describedby. Plain inputs, selects and textareas get the Utrecht look from `utrecht-html`.
 */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      className={className}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint && <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>}
      errorMessage={error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      input={children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    />
  );
}
