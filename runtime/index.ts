/**
 * The public surface of runtime/, the kit every subgraph is built from: errors, access rules,
 * connections, loaders, the optimistic lock, scalars, configuration, authentication, HTTP and
 * the subgraph runtime (docs/subgraphs.md). Other folders import only from here (test
 * helpers from ./testing).
 */
export {
  configuredIssuer,
  createGatewayAssertionVerifier,
  createLocalIssuer,
  GATEWAY_ASSERTION_HEADER,
  type GatewayAssertionVerifier,
  generatePrivateJwk,
  issuerKeyFile,
  type LocalIssuer,
  publicJwk,
  readJwksFile,
  writeJwksFile,
} from './src/auth';
export {
  addDays,
  addMonths,
  daysBetween,
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  isIsoDate,
  isPublicHoliday,
  isWeekendDate,
  localDate,
  nightMinutes,
  publicHolidays,
  publicHolidaysBetween,
  readDateTime,
  requireDate,
  requireDateTime,
  splitByLocalDay,
} from './src/calendar';
export { dailyRuns } from './src/dailyRuns';
export { answerCompliance, type ComplianceAnswering } from './src/answerCompliance';
export { chunks } from './src/chunks';
export {
  type Cipher,
  CipherError,
  createCipher,
  dataKeyId,
  loadCipher,
  loadDataKey,
} from './src/cipher';
export { type ReencryptCount, type ReencryptOptions, reencryptSealed } from './src/reencryptSealed';
export { type AppConfig, ConfigError, loadConfig, subgraphOptionsOf } from './src/config';
export { limitHeapGrowth } from './src/limitHeapGrowth';
export { checkFirst, decodeCursor, pageOf, pageSize } from './src/connections';
export { type DatabaseTarget, isPostgres, openDatabase, sqlTable, targetFor } from './src/database';
export { createStatisticsRefresh, type StatisticsRefresh } from './src/createStatisticsRefresh';
export { rateLimitStoreOf } from './src/edgeConfig';
export {
  loadNatsConfig,
  natsConnectionOf,
  inboxKeepMsOf,
  inboxRetentionDaysOf,
  outboxKeepSentMsOf,
  outboxRetentionDaysOf,
  streamOptionsOf,
} from './src/natsConfig';
export {
  migrateDatabase,
  type MigrateOptions,
  type MigrationOutcome,
} from './src/migrations/migrateDatabase';
export { migrationName, migrationOptions } from './src/migrations/migrationOptions';
export { baselineOf, KIT_MIGRATIONS, withKitMigrations } from './src/migrations/kitMigrations';
export { dropTables } from './src/migrations/dropTables';
export {
  openSubgraphDatabase,
  subgraphEntities,
  type TableOwner,
} from './src/subgraph/openSubgraphDatabase';
export type { MigrationClass, MigrationSet } from './src/migrations/MigrationSet';
export {
  type CopyKeeping,
  copyKnowing,
  type CopyLoaders,
  createCopyLoaders,
  EMPLOYEE_EVENTS,
  EMPLOYEE_LOOKED_UP,
  EMPLOYEE_QUESTION,
  EMPLOYEE_STATUSES,
  type EmployeeAnswer,
  type EmployeeCopyKeeper,
  employeeCopySchema,
  type EmployeeEvent,
  employeeNameColumns,
  type EmployeeEventData,
  type EmployeeKnowing,
  type EmployeeStatus,
  keepEmployeeCopy,
  knowEmployee,
  knowEmployeeByNumber,
  loadCopies,
  type LoadedCopies,
  lockableCopyKeeping,
  type LockableEmployeeCopy,
  lockEmployee,
  managerChainLoader,
  managerChains,
  namedCopyKeeping,
  type NamedEmployeeCopy,
  patchKeeping,
  PLACED_COLUMNS,
  type PlacedEmployeeCopy,
  updateEmployeeCopies,
  updateEmployeeCopy,
  validEmployeeAnswer,
} from './src/employeeCopy';
export {
  badInput,
  conflict,
  DomainError,
  ErrorCode,
  findDomainError,
  findWrapped,
  forbidden,
  formatError,
  HTTP_STATUS,
  httpStatusOf,
  notFound,
  rateLimited,
  toGraphQLError,
  unavailable,
} from './src/errors';
export { readBodyText } from './src/http/readBodyText';
export { timeEntryCopySchema } from './src/timeEntryCopySchema';
export { agreementCopySchema } from './src/agreementCopySchema';
export { ACCRUAL_TYPES, type AccrualType } from './src/accrualTypes';
export {
  employeeDay,
  mutationTrail,
  optimisticLock,
  type PropertyBuilders,
  rowId,
  timestamps,
} from './src/entityColumns';
export { type TableKeys, tableEntity, uuidEntity } from './src/uuidEntity';
export {
  AGREEMENT_EVENTS,
  type AgreementEvent,
  PLACEMENT_EVENTS,
  type PlacementEvent,
  TIME_ENTRY_EVENTS,
  type TimeEntryEvent,
} from './src/eventGroups';
export {
  IdempotencyRecordSchema,
  MAX_IDEMPOTENCY_KEY,
  once,
  readIdempotencyKey,
} from './src/idempotency';
export {
  hasRole,
  hasScope,
  type Identity,
  isRole,
  type Role,
  ROLES,
  SERVICE_PREFIX,
} from './src/identity';
export { renderInputBoundsDocs } from './src/inputBounds/renderInputBoundsDocs';
export { checkText, DEFAULT_BOUNDS, longerThan } from './src/inputBounds/textBounds';
export { createInputCheck, firstFault, type InputCheck, refuseAll } from './src/inputCheck';
export {
  DEFAULT_MAIL_FROM,
  deliverDueMail,
  type DeliveryResult,
  type MailDelivery,
  mailDeliveryJob,
  mailOutboxColumns,
  type MailDeliveryJobOptions,
  type MailMessage,
  type MailTransport,
  type OutgoingMail,
  pendingMail,
  readSmtpUrl,
  smtpTransport,
} from './src/mail';
// What an edge process uses (config, auth, errors, HTTP, logs, limits, tracing) is declared there.
export * from './edge';
export { OIDC_ROLES, type OidcRole } from './src/oidcConfig';
export {
  createOwnerAsker,
  NoOwnerError,
  OwnerUnavailableError,
  type ResponderDefinition,
} from './src/ownerRequests';
export {
  type AnyRules,
  type AttendanceRules,
  type CheckingCaller,
  checkPolicyRules,
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  type ComplianceFinding,
  type ComplianceQuestion,
  createPolicyCopies,
  createSettingsPolicyCopies,
  DEFAULT_ATTENDANCE_RULES,
  DEFAULT_LEAVE_RULES,
  DEFAULT_VARIABLES,
  DEFAULT_WORKING_TIME_RULES,
  defaultRules,
  defaultVersion,
  judgedBy,
  keysOf,
  LEAVE_TYPES,
  type LeaveRules,
  MAX_ENTRY_MINUTES,
  type LeaveType,
  POLICY_KINDS,
  POLICY_UPDATED,
  type PolicyCopies,
  type PolicyCopiesOptions,
  type PolicyCopy,
  policyCopyId,
  policyCopySchema,
  policyVersionColumns,
  type PolicyKind,
  policyLabel,
  type PolicyProblem,
  policyRef,
  type PolicyRef,
  type PolicyVersion,
  readCaller,
  refusalFinding,
  refusedQuestion,
  ruleNames,
  type RulesOf,
  SINGLE_KEY,
  type WorkingTimeRules,
} from './src/policies';
export { DateScalar, DateTimeScalar } from './src/scalars';
export { SqliteDriver } from './src/sqliteDriver';
export { readSignInSettings, secureCookies, type SignInSettings } from './src/signInConfig';
export {
  defineSubgraph,
  type PublicRoute,
  type PublicRouteContext,
  type SubgraphContext,
  type SubgraphModule,
  type SubgraphRoute,
} from './src/subgraph/SubgraphModule';
export {
  createSubgraphRuntime,
  type SubgraphMessaging,
  type SubgraphRuntime,
} from './src/subgraph/createSubgraphRuntime';
export { idQueries, inputMutations } from './src/subgraph/inputMutations';
export { lazySubgraph } from './src/subgraph/lazySubgraph';
export { readSubgraphSdl } from './src/subgraph/readSubgraphSdl';
export { startTracing, type Tracing } from './src/tracing';
export {
  COMMON_REASONS,
  defineDomainErrors,
  type CommonReason,
  type DomainErrorClass,
  type DomainErrors,
  type ReasonDetails,
} from './src/domainErrors';
export {
  createManagerWriteCheck,
  createReadCheck,
  isManagerAbove,
  isSelf,
  mayReadEmployee,
  type ManagerChain,
  type ReadCheck,
} from './src/access';
export {
  createOwnWriteCheck,
  isSelfAsEmployee,
  type OwnWriteCheck,
} from './src/createOwnWriteCheck';
export {
  checkExpectedVersion,
  concurrentChange,
  staleVersion,
  withOptimisticLock,
} from './src/optimisticLock';
export { keepNewest, keepNewestOfEach, newerRow, takeNewer } from './src/keepNewest';
export { findOverlapping, type Period, type PeriodColumns } from './src/findOverlapping';
export { findById, findIn, mapRows, type ReadOptions } from './src/findRows';
export {
  byEmployee,
  type EmployeeRange,
  employeeRowsLoader,
  findByEmployee,
  groupBy,
  idLoader,
  listLoader,
  rangeLoader,
} from './src/loaders';
