// The Trend Micro agent services this program looks after, by service name and display name.
// Sources: Trend Micro Apex One and Deep Security documentation, Tenable plugin 16192 and public
// service lists (see docs/reference/ACS-FACTS.md §5); names marked "unconfirmed" there are
// matched all the same because matching an extra Trend service is harmless.

export type TrendProduct = 'Apex One / OfficeScan' | 'Worry-Free Business Security' | 'Deep Security / Cloud One / Vision One' | 'Trend Micro agent';

export interface TrendAgentService {
  /** Service short name (case-insensitive on Windows). */
  name: string;
  /** Display names seen across product generations and brands. */
  displayNames: readonly string[];
  product: TrendProduct;
  /** Optional component: present only when that feature is installed. */
  optional?: boolean;
}

export const TREND_AGENT_SERVICES: readonly TrendAgentService[] = [
  { name: 'TmListen', product: 'Apex One / OfficeScan', displayNames: ['Apex One NT Listener', 'OfficeScan NT Listener', 'Trend Micro Security Agent Listener'] },
  {
    name: 'ntrtscan',
    product: 'Apex One / OfficeScan',
    displayNames: ['Apex One NT RealTime Scan', 'OfficeScanNT RealTime Scan', 'Trend Micro Security Agent RealTime Scan', 'Trend Micro Client/Server Security Agent RealTime Scan'],
  },
  { name: 'TmPfw', product: 'Apex One / OfficeScan', optional: true, displayNames: ['OfficeScan NT Firewall', 'Apex One NT Firewall', 'Trend Micro Security Agent Firewall'] },
  { name: 'TmProxy', product: 'Apex One / OfficeScan', optional: true, displayNames: ['OfficeScan NT Proxy Service', 'Apex One NT Proxy Service', 'Trend Micro Security Agent NT Proxy Service'] },
  { name: 'TMBMServer', product: 'Apex One / OfficeScan', displayNames: ['Trend Micro Unauthorized Change Prevention Service'] },
  { name: 'TmCCSF', product: 'Apex One / OfficeScan', displayNames: ['Trend Micro Common Client Solution Framework', 'OfficeScan Common Client Solution Framework'] },
  { name: 'TmWSCSvc', product: 'Apex One / OfficeScan', displayNames: ['Apex One NT WSC Service', 'Worry-Free Business Security Services Windows Security Center Service'] },
  { name: 'svcGenericHost', product: 'Apex One / OfficeScan', optional: true, displayNames: ['Apex One Plug-in Manager', 'Trend Micro Generic Host Service'] },
  { name: 'TMiACAgentSvc', product: 'Apex One / OfficeScan', optional: true, displayNames: ['Trend Micro Application Control Service (Agent)'] },
  { name: 'iVPAgent', product: 'Apex One / OfficeScan', optional: true, displayNames: ['Trend Micro Vulnerability Protection Service (Agent)'] },
  { name: 'CETASvc', product: 'Apex One / OfficeScan', optional: true, displayNames: ['Trend Micro Cloud Endpoint Telemetry Service'] },
  { name: 'Trend Micro Endpoint Basecamp', product: 'Trend Micro agent', optional: true, displayNames: ['Trend Micro Endpoint Basecamp'] },
  { name: 'ds_agent', product: 'Deep Security / Cloud One / Vision One', displayNames: ['Trend Micro Deep Security Agent'] },
  { name: 'ds_monitor', product: 'Deep Security / Cloud One / Vision One', displayNames: ['Trend Micro Deep Security Monitor'] },
  { name: 'ds_notifier', product: 'Deep Security / Cloud One / Vision One', optional: true, displayNames: ['Trend Micro Deep Security Notifier'] },
  { name: 'Amsp', product: 'Trend Micro agent', displayNames: ['Trend Micro Solution Platform'] },
  // Round 2 (ACS-FACTS second audit F). ds_nuagent: Deep Security Agent's advanced TLS inspection
  // (Trend KA-0004908). The rest come from single public scripts: matched all the same, because an
  // extra Trend service is harmless, and their display names start with "Trend Micro" anyway.
  // Their display names are not in the sources: matched by short name (or the "Trend Micro" prefix).
  { name: 'ds_nuagent', product: 'Deep Security / Cloud One / Vision One', optional: true, displayNames: [] },
  { name: 'DSASvc', product: 'Apex One / OfficeScan', optional: true, displayNames: [] },
  { name: 'Trend Micro Web Service Communicator', product: 'Trend Micro agent', optional: true, displayNames: ['Trend Micro Web Service Communicator'] },
  { name: 'Trend Micro Response Service', product: 'Trend Micro agent', optional: true, displayNames: ['Trend Micro Response Service'] },
  { name: 'Cloud Endpoint Service', product: 'Trend Micro agent', optional: true, displayNames: ['Cloud Endpoint Service'] },
];

/** Service short names, for the collector (which asks Windows for exactly these). */
export const TREND_AGENT_SERVICE_NAMES: readonly string[] = TREND_AGENT_SERVICES.map((service) => service.name);

/** Display-name prefixes that mark a Trend service not in the table (new components, rebrands). */
const TREND_DISPLAY_PREFIXES = ['trend micro', 'apex one', 'officescan', 'worry-free'];

/** Finds the catalogue entry for a service, by short name first, then by display name. */
export function findTrendAgentService(service: { name: string; displayName?: string | null; imagePath?: string | null }): TrendAgentService | null {
  const name = service.name.toLowerCase();
  const byName = TREND_AGENT_SERVICES.find((entry) => entry.name.toLowerCase() === name);
  if (byName) return byName;
  const display = (service.displayName ?? '').toLowerCase();
  const byDisplay = TREND_AGENT_SERVICES.find((entry) => entry.displayNames.some((candidate) => candidate.toLowerCase() === display));
  if (byDisplay) return byDisplay;
  if (TREND_DISPLAY_PREFIXES.some((prefix) => display.startsWith(prefix)) || /\\trend micro\\/i.test(service.imagePath ?? '')) {
    return { name: service.name, displayNames: [service.displayName ?? service.name], product: 'Trend Micro agent', optional: true };
  }
  return null;
}

/** Products whose installed name (Uninstall DisplayName) marks a Trend agent. */
export function isTrendProductName(name: string): boolean {
  return /trend micro|apex one|officescan|worry-free|deep security/i.test(name);
}
