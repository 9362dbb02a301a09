export {
  costIn,
  findAccount,
  listAccounts,
  money,
  statement,
  trialBalance,
  type StatementLine,
} from './accounts';
export { findGrade, gradeViews, isKnownGrade, listGrades, type GradeView } from './grades';
export { closeView, dayClose, rateCard, rateCards, rateCardView } from './rateCards';
export { listUncosted, uncostedMessage } from './uncosted';
