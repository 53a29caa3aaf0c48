export { defineReusePreferenceForm } from './define.js';
export { type Attrs, append, type Child, datum, h } from './dom/h.js';
export { DEFAULT_RECORDED_BY, type FormConfig, type NoticeRef } from './element/config.js';
export {
  FORM_TAG,
  ReusePreferenceForm,
  type StatementEventDetail,
  type SubmittedEventDetail,
} from './element/form-element.js';
export { baseStyles, formStyles } from './element/styles.js';
export {
  type Audience,
  englishFormMessages,
  type FormMessageKey,
  type FormMessages,
  formatMessage,
  type MessageBundle,
  type MessageParams,
  type PurposeTexts,
} from './i18n/messages.js';
export { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalise, pseudoText } from './i18n/pseudo-locale.js';
export { Texts } from './i18n/texts.js';
export {
  ageOnDate,
  buildStatement,
  type StatementAnswers,
  type StatementContext,
} from './statement/build-statement.js';
export {
  asksCompetence,
  COMPETENCE_ANSWERS,
  type CompetenceAnswer,
  competenceBasisFor,
} from './statement/competence.js';
export { ANSWERS_BY_KIND, MAX_GROUNDS, takesGrounds } from './statement/controls.js';
export { RESPONDENT_ROLES, type Respondent, type RespondentRole } from './statement/respondent.js';
