/** The closing lines every message ends with: where to look, and that the message itself says little. */
export function closing(publicUrl: string | undefined): string[] {
  return [
    '',
    publicUrl ? `Open Aware om de details te zien: ${publicUrl}/` : 'Open Aware om de details te zien.',
    '',
    'Dit bericht bevat bewust geen persoonsgegevens.',
  ];
}
