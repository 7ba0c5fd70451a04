import { z } from 'zod';
import { organisationKindIds } from './states.ts';

/** 外部单位的类别 (issue 15): the bodies a procuratorate sends suggestions to and works with. */
export { organisationKindIds };

export const ZOrganisationKind = z.enum(organisationKindIds);
export type TOrganisationKind = z.infer<typeof ZOrganisationKind>;

export const organisationKinds: Record<TOrganisationKind, string> = {
  administrative: '行政机关',
  court: '法院',
  humanResources: '人社',
  judicialAdministration: '司法行政',
  education: '教育',
  civilAffairs: '民政',
  other: '其他',
};
