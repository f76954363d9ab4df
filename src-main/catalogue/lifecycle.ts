// Editions whose servicing ended before the KB5022661 update for their version was released: such a
// machine never got the update, so the honest advice is the upgrade, not a KB (issue 13, item 4).
// Dates: Microsoft lifecycle pages, as listed in docs/reference/ACS-FACTS.md "Second audit" B
// (1809 Home/Pro 2020-11-10, Enterprise/Education 2021-05-11, LTSC and Server 2019 continue; 1909
// Home/Pro 2021-05-11, Enterprise/Education 2022-05-10; 1607 and 1507 outside LTSB ended by 2019);
// Server 1909 (Semi-Annual Channel) 2021-05-11 is an INFERENCE there. The exact 1607/1507 dates
// (Home/Pro 2018-04-10 and 2017-05-09, Enterprise/Education 2019-04-09 and 2017-05-09) are Microsoft's
// lifecycle dates as remembered, not in the reference material: only their "before 2021" matters.
import type { UpdateRequirement } from './kb5022661.js';

export interface EditionGroup {
  /** Plain name, e.g. "Home and Pro". */
  label: string;
  /** EditionID values (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\EditionID). */
  editionIds: RegExp;
  /** Last day of servicing (last Patch Tuesday), YYYY-MM-DD; null = serviced beyond the ACS update. */
  servicingEnded: string | null;
}

const HOME_PRO =
  /^(Core|CoreN|CoreSingleLanguage|CoreCountrySpecific|Professional|ProfessionalN|ProfessionalEducation|ProfessionalEducationN|ProfessionalWorkstation|ProfessionalWorkstationN|ProfessionalSingleLanguage|ProfessionalCountrySpecific)$/i;
const ENTERPRISE_EDUCATION = /^(Enterprise|EnterpriseN|EnterpriseG|EnterpriseGN|Education|EducationN|IoTEnterprise)$/i;
const LTSC = /^(EnterpriseS|EnterpriseSN|IoTEnterpriseS)$/i;

/** Per catalogue row (Windows 10 versions whose ACS update came out after some editions' end). */
export const EDITION_LIFECYCLE: Readonly<Record<string, readonly EditionGroup[]>> = {
  'win10-1809': [
    { label: 'Home and Pro', editionIds: HOME_PRO, servicingEnded: '2020-11-10' },
    { label: 'Enterprise and Education', editionIds: ENTERPRISE_EDUCATION, servicingEnded: '2021-05-11' },
    { label: 'Enterprise LTSC 2019', editionIds: LTSC, servicingEnded: null },
  ],
  'win10-1909': [
    { label: 'Home and Pro', editionIds: HOME_PRO, servicingEnded: '2021-05-11' },
    { label: 'Enterprise and Education', editionIds: ENTERPRISE_EDUCATION, servicingEnded: '2022-05-10' },
  ],
  'win10-1607': [
    { label: 'Home and Pro', editionIds: HOME_PRO, servicingEnded: '2018-04-10' },
    { label: 'Enterprise and Education', editionIds: ENTERPRISE_EDUCATION, servicingEnded: '2019-04-09' },
    { label: 'Enterprise LTSB 2016', editionIds: LTSC, servicingEnded: null },
  ],
  'win10-1507': [
    { label: 'Home and Pro', editionIds: HOME_PRO, servicingEnded: '2017-05-09' },
    { label: 'Enterprise and Education', editionIds: ENTERPRISE_EDUCATION, servicingEnded: '2017-05-09' },
    { label: 'Enterprise LTSB 2015', editionIds: LTSC, servicingEnded: null },
  ],
};

/** Server 1909 (Semi-Annual Channel): all editions, servicing ended 2021-05-11 (INFERENCE, see above). */
export const SERVER_1909_SERVICING_ENDED = '2021-05-11';

export interface EditionServicing {
  group: EditionGroup;
  /** The edition's servicing ended before the update KB5022661 names for this version was released. */
  endedBeforeUpdate: boolean;
}

/** How this edition of a version was serviced; null when the edition is not in the table (then the KB is offered). */
export function editionServicing(requirement: UpdateRequirement, editionId: string): EditionServicing | null {
  if (requirement.rule !== 'cumulative') return null;
  const group = EDITION_LIFECYCLE[requirement.key]?.find((entry) => entry.editionIds.test(editionId.trim()));
  if (!group) return null;
  return { group, endedBeforeUpdate: group.servicingEnded !== null && group.servicingEnded < requirement.releaseDate };
}
