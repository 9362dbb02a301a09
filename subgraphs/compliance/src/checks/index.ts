import type { ComplianceDeps, ComplianceResolvers } from '../context';

export const checkResolvers = (deps: ComplianceDeps): ComplianceResolvers => (deps ? {} : {});
