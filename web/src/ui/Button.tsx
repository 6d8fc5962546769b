import { Button as UtrechtButton, type ButtonProps as UtrechtButtonProps } from '@utrecht/button-react';

const APPEARANCE = {
  primary: 'primary-action-button',
  secondary: 'secondary-action-button',
  subtle: 'subtle-button',
} as const;

export interface ButtonProps extends Omit<UtrechtButtonProps, 'appearance'> {
  /** primary: the page's main action; secondary (default): other actions; subtle: tools such as "Afmelden" */
  appearance?: keyof typeof APPEARANCE;
}

/** NL Design System (Utrecht) button with Aware's three appearances. */
export function Button({ appearance = 'secondary', ...rest }: ButtonProps) {
  return <UtrechtButton appearance={APPEARANCE[appearance]} {...rest} />;
}
