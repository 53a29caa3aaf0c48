export { type ReceiverOptions, type RunningReceiver, startReceiver } from './app.js';
export {
  cohortFromIntake,
  type Distributor,
  openDistributor,
  type RecordedDistribution,
} from './distributor.js';
export { type DistributorOptions, type RunningDistributor, startDistributor } from './distributor-app.js';
export { subjectViewPages } from './pages/subject-view-pages.js';
export { IMMIGRATION_REQUEST, RESEARCH_REQUEST } from './requests.js';
