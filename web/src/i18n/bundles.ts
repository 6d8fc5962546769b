import caseEn from './case.en.json';
import caseNl from './case.nl.json';
import caseworkEn from './casework.en.json';
import caseworkNl from './casework.nl.json';
import en from './en.json';
import figuresEn from './figures.en.json';
import figuresNl from './figures.nl.json';
import mailEn from './mail.en.json';
import mailNl from './mail.nl.json';
import nl from './nl.json';
import workEn from './work.en.json';
import workNl from './work.nl.json';

/**
 * The translation of each language: the shared file plus one file per large feature (`case.*`,
 * `casework.*`, `figures.*`), so that features are translated side by side without editing one file.
 */
export const nlBundle = {
  ...nl,
  case: caseNl,
  casework: caseworkNl,
  figures: figuresNl,
  mail: mailNl,
  work: workNl,
};
export const enBundle = {
  ...en,
  case: caseEn,
  casework: caseworkEn,
  figures: figuresEn,
  mail: mailEn,
  work: workEn,
};
