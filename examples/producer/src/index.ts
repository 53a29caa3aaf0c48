export { type ProducerOptions, type RunningProducer, startProducer } from './app.js';
export { type DevAuthServer, type DevClient, startDevAuthServer } from './dev-auth-server.js';
export { formPages, respondentsOf } from './pages/form-pages.js';
export {
  attr,
  browserBuild,
  type HostPage,
  hostPage,
  jsonAttr,
  SIGN_IN_SCRIPT,
  signInScriptPage,
} from './pages/host-page.js';
export {
  AS_OF,
  type Contact,
  contactRef,
  PUPILS,
  type Pupil,
  personName,
  pupil,
  pupilOf,
  SCHOOL,
  SETTING,
  upn,
} from './school/roster.js';
export { BAD_STATEMENTS, STATEMENTS } from './school/statements.js';
export { type HeldBack, type SeedReport, seedSchool } from './seed.js';
