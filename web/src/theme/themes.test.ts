import { describe, expect, it } from 'vitest';
import { themeFor } from './themes.ts';

describe('themes', () => {
  it('shows a configured region theme with its name', () => {
    expect(themeFor('regio-noord')).toEqual({
      className: 'aware-theme--regio-noord',
      regionName: 'Regio Noord',
    });
  });

  it('falls back to the default look for an unknown or missing id', () => {
    expect(themeFor('nowhere').className).toBeNull();
    expect(themeFor('toString').className).toBeNull();
    expect(themeFor(undefined).regionName).toBeNull();
  });
});
