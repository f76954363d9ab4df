// English: the source catalogue. Every text the diagnosis, the command line and the reports say.
// One entry per message id; the comment above an id tells the translator where the text appears
// and what its parameters are. Format: docs/i18n.md ({name}, {name, date}, {n, plural, one {…} other {…}}).
// A sentence that continues another starts with its own space here; Japanese needs none.
export const en = {
  // ── Sentence joints ───────────────────────────────────────────────────────────────────────────
  /** Joins a following sentence to the one before. {text}: the sentence. */
  'sentence.next': ' {text}',
  /** Two sentences in a row. */
  'sentence.pair': '{first} {second}',
  /** Shown where a text is missing from every catalogue (never the raw id). */
  'common.textMissing': '(text not available in this version)',

  // ── Headline: the one sentence on the result screen and at the top of the CLI's output ─────────
  /** {windows}: Windows name or headline.thisWindows; {agentRuns}: "true" when the agent still runs. */
  'headline.unsupported':
    '{windows} cannot run your security agent’s new updates: Windows itself must be upgraded.{agentRuns, select, true { The agent still runs, but its next updates will fail to install.} other {}}',
  'headline.thisWindows': 'This version of Windows',
  'headline.unknownWindows': 'We could not tell which version of Windows this is, so we cannot say whether your security agent can run.',
  'headline.unknownFacts': 'We could not tell whether Windows is ready for your security agent: some facts could not be read.',
  'headline.updateAndRootMissing':
    'Windows on this computer is missing an update and a certificate that your security agent needs.{agentRuns, select, true { The agent still runs, but its next updates will fail to install.} other {}}',
  'headline.updateMissing':
    'Windows on this computer is missing an update that your security agent needs.{agentRuns, select, true { The agent still runs, but its next updates will fail to install.} other {}}',
  'headline.rootMissing':
    'Windows on this computer is missing a Microsoft certificate that your security agent needs.{agentRuns, select, true { The agent still runs, but its next updates will fail to install.} other {}}',
  'headline.rootBlocked':
    'A Microsoft certificate your security agent needs is blocked on this computer.{agentRuns, select, true { The agent still runs, but its next updates will fail to install.} other {}}',
  'headline.pendingRestart': 'Windows needs a restart to finish installing an update your security agent needs.',
  'headline.stillFailsSignature': 'Windows is ready, but your security agent still fails its signature check.',
  'headline.startAgain': 'Windows is ready; your security agent just needs to be started again.',
  'headline.readyRunning': 'Windows is ready for your security agent, and the agent is running.',
  'headline.ready': 'Windows on this computer is ready for your security agent’s signed updates.',

  // ── Which Windows (diagnose.ts, windows-versions.ts) ─────────────────────────────────────────────
  /** {product}: e.g. "Ubuntu 24.04"; {platform}: "linux". */
  'os.notWindows.reason': 'This snapshot was taken on {product} ({platform}), not on Windows. Open a snapshot collected on the Windows computer that has the problem.',
  'os.notWindows.title': 'This is not a Windows computer',
  /** {why}: os.unknownClientBuild / os.unknownServerBuild. */
  'os.unknown.reason': 'Could not tell which Windows version this is: {why}.',
  'os.unknown.title': 'Unknown Windows version',
  'os.unknownClientBuild': 'build {build} is not a released Windows client version this program knows (an Insider or unusual build)',
  'os.unknownServerBuild': 'build {build} is not a released Windows Server version this program knows (an Insider or unusual build)',

  // ── Catalogue facts per Windows version (catalogue/kb5022661.ts) ─────────────────────────────────
  'req.note.win11': 'Windows 11 supports ACS natively (every version since 21H2).',
  'req.note.win10-22h2': 'Trend Micro states Windows 10 22H2 supports ACS by default; every 22H2 build (19045) is newer than the 2021 fixes.',
  /** Windows Server 23H2, 2025 and later. */
  'req.note.server-native': 'Built after Windows 11 21H2 brought native ACS support (not listed by Microsoft or Trend: inferred).',
  'req.stricter.win10-21h2': 'Trend Micro asks Windows 10 21H2 for KB5011487 (build 19044.1586) or later, stricter than Microsoft’s table; the stricter rule applies.',
  'req.advice.client': 'Upgrade to Windows 11, or to Windows 10 version 22H2 with current updates.',
  'req.advice.server': 'Upgrade to a supported Windows Server (2016 or later) and install current updates.',
  'req.advice.win8': 'Windows 8 received no ACS update. Upgrade to Windows 8.1 with current rollups, or better to Windows 10 22H2 / Windows 11.',
  'req.advice.win7-rtm': 'Windows 7 needs Service Pack 1 and ESU updates before it can trust ACS binaries; upgrading to Windows 10 22H2 or Windows 11 is the lasting fix.',
  'req.advice.server-2008r2-rtm': 'Windows Server 2008 R2 needs Service Pack 1 and ESU updates before it can trust ACS binaries; upgrading to a supported Windows Server is the lasting fix.',
  'req.why.server-1909':
    'Windows Server, version 1909 (Semi-Annual Channel) got its last update on {ended, date}, before Microsoft released the ACS update for version 1909 ({kb}, {released, month}), so no update for it exists.',
  /** {windows}: e.g. "Windows 10, version 1809"; {edition}: "Home and Pro"; {served}: req.served.*. */
  'req.why.edition':
    '{windows} in its {edition} editions got its last update on {ended, date}, before Microsoft released the ACS update for it ({kb}, {released, date}), which reached only {served}. This edition got no further updates, so no update makes it trust ACS-signed programs.',
  'req.served.win10-1809': 'Windows 10 Enterprise LTSC 2019 and Windows Server 2019',
  'req.served.win10-1909': 'the Enterprise and Education editions',
  'req.served.win10-1607': 'Windows 10 Enterprise LTSB 2016 and Windows Server 2016',
  'req.served.win10-1507': 'Windows 10 Enterprise LTSB 2015',
  'req.served.other': 'the editions still serviced then',
  /** Prerequisites of the rollups on Windows 7 / Server 2008 R2 / Server 2008. {kb}: the package. */
  'req.prereq.esu-win7': 'An active Extended Security Updates (ESU) subscription, with the ESU licensing preparation package {kb}',
  'req.prereq.esu-2008': 'An active Extended Security Updates (ESU) subscription, with the ESU licensing preparation package for Server 2008 SP2 ({kb})',
  'req.prereq.sha2': 'SHA-2 code signing support ({kb})',
  'req.prereq.ssu': 'The servicing stack update of October 2021 or later ({kb})',
  /** Which rollups a machine can install: who (inside a sentence), whoStart (starts a sentence), why. */
  'req.limit.who.esu2012': 'without an Extended Security Updates (ESU) subscription',
  'req.limit.whoStart.esu2012': 'Without an Extended Security Updates (ESU) subscription',
  'req.limit.why.esu2012': 'rollups after October 2023 are Extended Security Updates: they need an ESU licence (KB5031043) and the servicing stack update of August 2023 ({ssu}) or later',
  'req.limit.who.win81': 'on Windows 8.1',
  'req.limit.whoStart.win81': 'On Windows 8.1',
  'req.limit.why.win81': 'later rollups are for Windows Server 2012 R2 with ESU only',
  'req.limit.who.win7': 'on Windows 7',
  'req.limit.whoStart.win7': 'On Windows 7',
  'req.limit.why.win7': 'later rollups are for Windows Server 2008 R2 only',

  // ── Rule 1: the Windows update (rules/windows-update.ts) ─────────────────────────────────────────
  'update.native.title': '{windows} supports ACS-signed programs without an extra update',
  'update.unsupported.title': '{windows} cannot run ACS-signed programs',
  'update.unsupported.noUpdate': 'Microsoft released no update that lets {windows} trust programs signed through Azure Code Signing.',
  /** {why}: the reason no update exists; {advice}: what to upgrade to. */
  'update.unsupported.explanation': "{why} The security agent's new versions cannot start here. {advice}",
  'update.unknown.title': 'Could not tell which update level Windows is at',
  'update.cumulative.ubrUnknown': 'The update revision (UBR) of build {build} could not be read, so it is unknown whether {windows} is at {minimum} or later.',
  'update.ok.title': 'Windows has the update ACS-signed programs need',
  /** {stricter}: sentence.next with req.stricter.*, or empty. */
  'update.cumulative.ok': '{windows} is at build {current}, at or above the required {minimum}.{stricter}',
  'update.pending.whatKb': '{kb} (build {build})',
  'update.pending.whatBuild': 'A cumulative update to build {build}',
  'update.pending.reason': '{what} is installed and brings {windows} to {minimum} or later, but Windows has not restarted since, so it still runs build {current}.',
  'update.cumulative.missing':
    '{windows} is at build {current}; programs signed through Azure Code Signing need {minimum} or later ({kb}, released {released, date}, or any later cumulative update).{stricter}',
  /** {note}: one of update.note.* or empty. */
  'update.cumulative.missingExplanation': '{reason} Any cumulative update from that date or later will do; the newest is best.{note}',
  'update.note.belowMinimum': ' An update to build {pending} is waiting for a restart, but that is still below {minimum}: a newer cumulative update is needed as well.',
  'update.note.staged': ' A cumulative update to build {pending} has been downloaded but not installed yet; installing it is enough.',
  'update.note.otherRestart':
    ' Windows is also waiting for a restart, but nothing shows that the restart finishes a cumulative update for this Windows (updates such as .NET or Secure Boot also ask for restarts and do not raise the build), so restarting alone will not fix this.',
  /** {list}: req.prereq.* joined. */
  'update.rollup.prerequisites': ' Before it installs, Windows needs: {list, list, semicolon}.',
  'update.rollup.unreadable': 'The list of installed updates could not be read, so it is unknown whether {windows} has {rollup} (or a later monthly rollup, or {securityOnly}).',
  'update.rollup.unreadable.title': 'Could not read the installed updates',
  'update.kind.securityOnly': 'October 2021 security-only update',
  'update.kind.october': 'October 2021 monthly rollup',
  'update.kind.later': 'monthly rollup of {month, month}',
  'update.kind.outOfBand': 'out-of-band rollup of {month, month}',
  'update.kind.rollup': 'monthly rollup',
  'update.rollup.pending': '{kb} ({kind}) is installed, but Windows has not restarted since, so the update is not in effect yet.',
  'update.rollup.ok': '{kb} ({kind}) is installed, which includes the October 2021 change {windows} needs.',
  'update.rollup.newer':
    '{kb} was installed on {installed, date}, after the newest monthly rollup this program knows for {windows} ({newestKb}, {newestDate, date}). It may be a newer monthly rollup (which would be enough) or an unrelated update.',
  'update.rollup.newer.title': 'An update newer than this program’s catalogue is installed',
  'update.rollup.newer.explanation': '{reason} Check in Windows Update history whether it is a "Monthly Rollup".',
  'update.rollup.securityOnlyLater': " Security-only updates released after October 2021 do not count: they do not contain October's change.",
  'update.rollup.missing':
    '{windows} has none of the updates that add ACS support: the October 2021 monthly rollup {rollup}, any later monthly rollup, or the October 2021 security-only update {securityOnly}.{securityNote}{prerequisites}',
  'update.rollup.newestBest': 'The newest monthly rollup is the best choice.',
  'update.rollup.newestWithin': 'The newest monthly rollup is the best choice; {who}, the newest that applies is {kb} ({month, month}): {why}.',
  'update.missing.title': 'Windows is missing an update that the security agent needs',
  'update.pendingReboot.title': 'Windows must restart to finish installing the update',
  'update.pendingReboot.explanation': '{reason} Restart the computer; nothing needs to be installed again.',
  // ── Rule 2: the root certificate (rules/root-certificate.ts). {name}: the certificate's name ─────
  'root.autoUpdateOff.title': 'Automatic root certificate updates are turned off',
  /** Quotes the Group Policy setting's name as Windows shows it. */
  'root.autoUpdateOff.explanation': 'A policy ("Turn off Automatic Root Certificates Update") stops Windows from downloading root certificates, so new roots must be installed by hand.',
  'root.unknown.reason': 'The certificate stores could not be read, so it is unknown whether the ACS root certificate is installed.',
  'root.unknown.title': 'Could not read the certificate stores',
  'root.disallowed.reason':
    '{name} is in the Disallowed (untrusted) certificate store, so Windows refuses it even where another store holds it. An administrator must remove it from Disallowed and find the policy or tool that put it there.',
  'root.disallowed.title': 'The Microsoft root certificate the agent needs is explicitly distrusted',
  /** {stores}: store names as Windows names them internally (Root, AuthRoot). */
  'root.present.reason': '{name} is installed ({stores} store).',
  'root.present.title': 'The Microsoft root certificate the agent needs is installed',
  'root.cause.policy': 'automatic root certificate updates are turned off by policy',
  'root.cause.unreachable': 'the root update source cannot be reached',
  'root.cause.unreachableUrl': 'the root update source ({url}) cannot be reached',
  'root.cause.untrustedRoot': 'the agent’s programs already fail because their certificate chain ends in an untrusted root',
  'root.cause.signatureFails': 'the agent’s programs fail signature checks although Windows has the update it needs',
  /** {causes}: root.cause.* joined. */
  'root.missing.reason': '{name} (thumbprint {thumbprint}) is not installed, and Windows will not fetch it by itself: {causes, list, semicolon}.',
  'root.missing.title': 'A Microsoft root certificate the agent needs is missing',
  'root.missing.explanation': "{reason} Install it into the computer's Trusted Root Certification Authorities store; this program carries a verified copy.",
  'root.fetchable.reason': '{name} is not installed yet, but automatic root updates are on and the update source answers: Windows downloads it the first time a program needs it.',
  /** {policyUnknown}, {reachabilityUnknown}: "true" or "false". */
  'root.fetchable.unsure':
    '{name} is not installed yet. Windows normally downloads it the first time a program needs it{policyUnknown, select, true {, but the automatic-update policy could not be read} other {}}{reachabilityUnknown, select, true { (whether the update source can be reached was not checked)} other {}}. If this computer has no internet access, install it by hand.',
  'root.fetchable.title': 'The Microsoft root certificate is not installed yet (Windows can fetch it)',
  // ── Rule 3: the agent services (rules/agent-services.ts). {names}: service display names, {count}: how many
  'agent.unknown.title': 'Could not read the agent’s services',
  'agent.unknown.explanation': 'The list of services could not be read, so it is unknown whether the security agent is running.',
  'agent.noTrend.title': 'No Trend Micro agent services found',
  'agent.noTrend.otherVendor': 'No Trend Micro agent services were found on this computer; the programs below are another vendor’s.',
  /** {products}: installed product names. */
  'agent.notInstalled.incomplete': '{products} is listed as installed, but none of its services exist on this computer; the installation may be incomplete.',
  'agent.notInstalled.none': 'No Trend Micro agent services were found on this computer.',
  'agent.notInstalled.title': 'No security agent services found',
  'agent.signature.title': 'The security agent cannot start because Windows cannot verify its signature',
  'agent.signature.explanation':
    '{names} {count, plural, one {does not start: Windows refuses its program} other {do not start: Windows refuses their programs}} because it cannot verify the digital signature (error 577). This is what happens when Windows lacks the ACS update or root certificate.',
  'agent.dependency.title': 'Other agent services wait for the ones that fail',
  'agent.dependency.explanation':
    '{names} could not start because a service {count, plural, one {it depends} other {they depend}} on failed (error 1068). They should start once the signature problem is fixed.',
  'agent.otherFailure.title': 'Agent services fail for another reason',
  'agent.otherFailure.explanation':
    '{names} failed without a sign of a signature problem. Starting {count, plural, one {it} other {them}} again may help; if not, Trend Micro support needs the report.',
  'agent.stopped.title': 'Agent services that should run are stopped',
  'agent.stopped.explanation': '{names} {count, plural, one {is set to start automatically but is} other {are set to start automatically but are}} not running, with no error recorded.',
  'agent.disabled.title': 'Agent services are disabled',
  'agent.disabled.explanation':
    '{names} {count, plural, one {is} other {are}} disabled. This program does not start disabled services; an administrator disabled them on purpose or the agent is being removed.',
  'agent.damaged.title': 'An agent program file is damaged or unsigned',
  /** {files}: program file paths. */
  'agent.damaged.explanation':
    '{files} {count, plural, one {has} other {have}} no valid signature at all (damaged or replaced file). Windows updates and certificates cannot fix that: the agent must be repaired or reinstalled by Trend Micro support.',
  'agent.running.title': 'The security agent is running',
  'agent.running.explanation': '{names} {count, plural, one {is} other {are}} running.',
  'agent.otherVendor.title': 'Another vendor’s program signed through Azure Code Signing cannot start',
  'agent.otherVendor.explanation':
    "{names} {count, plural, one {is not from Trend Micro, but its program is signed through Azure Code Signing (Trusted Signing) and Windows refuses it} other {are not from Trend Micro, but their programs are signed through Azure Code Signing (Trusted Signing) and Windows refuses them}} for the same reason: the Windows update or the root certificate is missing. The same fix helps; its vendor's support has the details.",
  // ── Drivers, boot switches, collection gaps (rules/drivers.ts, rules/system-switches.ts) ────────
  'driver.cause.sha2': 'The likely cause: SHA-2 code signing support ({kb}) is not installed, so this Windows cannot check drivers signed with SHA-2 only. Install {kb}, restart, and check again.',
  'driver.cause.driver':
    'The likely cause is the driver itself: a damaged or incomplete installation, a driver version not made for this Windows, or a driver blocked by Windows security features (memory integrity or the vulnerable driver blocklist). Reinstalling or updating the product that owns it usually helps; its vendor’s support can tell which.',
  'driver.title': 'A driver failed to load (not the ACS signing problem)',
  /** {names}: driver file names; {cause}: driver.cause.*. */
  'driver.explanation':
    "Windows could not load {count, plural, one {the driver} other {the drivers}} {names}. This is not the Azure Code Signing problem: drivers are signed through Microsoft's hardware programme, so the Windows update and certificate this program installs do not change it. {cause}",
  'boot.testSigning.title': 'Windows runs in test-signing mode',
  'boot.testSigning.explanation':
    'Test signing ("bcdedit /set testsigning on") lets Windows load programs signed with any test certificate. It does not fix ACS trust, weakens the computer\'s protection and can stop security software from working. Turn it off ("bcdedit /set testsigning off") and restart once the real fix is in place.',
  'boot.noIntegrity.title': 'Windows signature checks are turned off',
  'boot.noIntegrity.explanation':
    'Integrity checks are disabled ("bcdedit /set nointegritychecks on"). That is a risky workaround: it hides the real problem and lets unsigned code load. Turn it off ("bcdedit /set nointegritychecks off") and restart once the real fix is in place.',
  'collection.title': '{count, plural, one {# part} other {# parts}} of this computer could not be checked',
  /** {errors}: "section (the collector's message)" as recorded. */
  'collection.explanation': 'The collector could not read: {errors, list, semicolon}. Conclusions that depend on them say so.',

  // ── Other findings (diagnose.ts) ──────────────────────────────────────────────────────────────────
  'pendingRestart.title': 'Windows is waiting for a restart',
  /** {reasons}: Windows' own markers (e.g. "CBS RebootPending"), or empty. */
  'pendingRestart.explanation': 'A restart is pending{hasReasons, select, true { ({reasons})} other {}}. It is not what blocks the agent, but restarting soon is wise.',
  'agentUpdates.blocker.updateMissing': 'the Windows update ({kb}) is missing',
  'agentUpdates.blocker.anyUpdate': 'a current cumulative update',
  'agentUpdates.blocker.unsupported': 'this Windows version gets no update that adds ACS support',
  'agentUpdates.blocker.rootBlocked': 'the Microsoft root certificate is blocked',
  'agentUpdates.blocker.rootMissing': 'the Microsoft root certificate is missing and Windows will not fetch it',
  'agentUpdates.why': 'Windows cannot yet trust programs signed through Azure Code Signing: {blockers, list, semicolon}.',
  'agentUpdates.running.title': 'The agent runs, but its next updates will fail to install',
  'agentUpdates.running.explanation':
    "{why} The security agent keeps running on its current version, but its new versions are signed through Azure Code Signing and Trend Micro's installer refuses them on such a Windows (Trend Micro KA-0013629, KA-0014129): future agent updates will fail to install, so protection falls behind until Windows is fixed.",
  'agentUpdates.notInstalled.title': 'Installing the agent would fail here',
  'agentUpdates.notInstalled.explanation':
    "{why} Current agent installers are signed through Azure Code Signing and Trend Micro's installer refuses to install on such a Windows (Trend Micro KA-0013629, KA-0014129): fix Windows first.",

  // ── The plan (plan.ts): step titles and why ───────────────────────────────────────────────────────
  'plan.upgrade.title': 'Upgrade Windows',
  'plan.upgrade.why': 'This version of Windows cannot trust ACS-signed programs.',
  'plan.update.title': 'Install the Windows update',
  /** {what}: plan.update.whatRollup / plan.update.whatCumulative; {prerequisites}: plan.update.prerequisites or empty. */
  'plan.update.why': 'Windows trusts programs signed through Azure Code Signing only with {what}{prerequisites}',
  'plan.update.whatRollup': '{kb} (the October 2021 monthly rollup) or a later monthly rollup (the newest is best).{limit}',
  'plan.update.whatCumulative': '{kb} or any later cumulative update (build {minimum} or later; the newest is best).',
  /** {who}: req.limit.whoStart.*; {until}: the last month; {why}: req.limit.why.*. */
  'plan.update.limit': ' {who}, pick one from October 2021 to {until, month} (the newest of those is {kb}): {why}.',
  'plan.update.prerequisites': ' First make sure Windows has: {list, list, semicolon}.',
  'plan.root.title': 'Install the Microsoft root certificate',
  'plan.root.why': "{name} must be in the computer's trusted roots, and Windows will not download it by itself here. This program carries a verified copy (SHA-1 {thumbprint}).",
  'plan.restart.title': 'Restart the computer',
  'plan.restart.whyInstalled': '{kb} is installed but takes effect only after a restart.',
  'plan.restart.whyInstalledUnnamed': 'The update is installed but takes effect only after a restart.',
  'plan.restart.why': 'The update takes effect only after a restart.',
  'plan.start.title': 'Start the security agent',
  'plan.start.why': 'Start {names} and check that {count, plural, one {it keeps} other {they keep}} running.',
  'plan.support.title': 'Contact support with the report',
  'plan.support.damaged': "The agent's program files {files} are damaged or unsigned. Windows cannot fix that: Trend Micro support must repair or replace the agent. Send them the report.",
  'plan.support.disallowed': 'The Microsoft root certificate is in the Disallowed store. An administrator must remove it from there and find the policy that put it there; send them the report.',
  'plan.support.stillFails':
    'Windows has the update and the certificate, yet the agent failed a signature check. If it fails again after starting it, a file may be damaged or must be replaced by the vendor: send the report to Trend Micro support.',
  'plan.support.otherCause': 'The agent fails for a reason other than signatures. If starting it again does not help, send the report to Trend Micro support.',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.unknown': 'unknown',
  /** The verdict, as a label (CLI, report, support code). */
  'verdict.ready': 'Ready',
  'verdict.action-required': 'Action required',
  'verdict.unsupported': 'Unsupported Windows version',
  'verdict.unknown': 'Unknown',
  /** A finding's severity. */
  'severity.critical': 'critical',
  'severity.warning': 'warning',
  'severity.info': 'info',
  /** ── Command line (src-main/cli/) ── --lang in --help. */
  'cli.option.lang': 'language of the output: en, de or ja (default: the system language, else English)',
  'cli.lang.unknown': 'unknown language "{lang}": use en, de or ja',
  /** First line of `diagnose`. */
  'cli.diagnosis.heading': 'ACS Support Assistant: diagnosis (collected {collectedAt, datetime})',
  'cli.diagnosis.headingMachine': 'ACS Support Assistant: diagnosis of {machine} (collected {collectedAt, datetime})',
  'cli.diagnosis.windows': 'Windows: {name} ({type}, build {build}, {arch})',
  'cli.diagnosis.verdict': 'Verdict: {verdict}',
  'cli.diagnosis.findings': 'Findings:',
  'cli.diagnosis.evidence': 'evidence: {facts}',
  'cli.diagnosis.plan': 'Plan:',
  'cli.diagnosis.nothingToDo': 'Plan: nothing to do.',
  'cli.diagnosis.needsAdmin': 'needs administrator',
  'cli.diagnosis.restart': 'restart involved',
  /** Short `diagnose` (the default, read aloud on the phone; issue 16). */
  'cli.short.verdict': '{verdict}: {headline}',
  'cli.short.problems': 'What is wrong:',
  'cli.short.next': 'Next step (1 of {count}): {title}',
  'cli.short.nothingToDo': 'Nothing to do.',
  'cli.short.reference': 'Reference: Microsoft KB5022661.',
  'cli.short.supportCode': 'Support code: {code}',
  'cli.short.verbose': 'Every finding with its evidence: add --verbose.',
  /** `fix --apply`: answering no (or Ctrl+D), skipped steps, and the summary at the end. */
  'cli.fix.stopped': 'Stopped before "{title}": nothing more was changed.',
  'cli.fix.skipped': '   skipped (--skip): "{title}" stays to do.',
  'cli.fix.needsFile': '   not done: "{title}" needs an update file (--package FILE) or Windows Update (--online); it stays to do.',
  'cli.fix.restartNotNeeded': '   not needed now: nothing was installed that waits for a restart.',
  'cli.fix.done': 'Done: {count, plural, =0 {no step} one {# step} other {# steps}}.',
  'cli.fix.left': 'Still to do: {steps, list}.',
  /** `fix --plan`. */
  'cli.plan.nothingToDo': 'Nothing to do.',
  'cli.plan.administrator': 'administrator',
  'cli.plan.why': 'Why: {why}',
  'cli.plan.undo': 'Undo: {undo}',
  /** `report`. */
  'cli.report.written': 'Report written to {dir}',
  'cli.report.verdict': 'Verdict: {verdict}',
  'cli.report.supportCode': 'Support code: {code}',
  'cli.report.redacted': 'Redacted: {count, plural, one {# value} other {# values}} replaced by placeholders ({placeholders})',
  'cli.report.noneFound': 'none found',
  'cli.report.notRedacted': 'Not redacted: the report contains the real computer, domain and user names.',
  /** `decode`. */
  'cli.decode.heading': 'Support code {code}',
  /** ── Support code facts (support-code/summary.ts): labels and values ── */
  'support.label.verdict': 'Verdict',
  'support.label.windows': 'Windows',
  'support.label.update': 'Required Windows update',
  'support.label.root': 'ACS root certificate',
  'support.label.autoUpdate': 'Automatic root updates',
  'support.label.agent': 'Agent services',
  'support.label.restart': 'Restart pending',
  'support.windowsBuild': '{name} (build {build})',
  'support.verdict.ready': 'Ready: nothing to do',
  'support.verdict.action-required': 'Action required',
  'support.verdict.unsupported': 'Unsupported Windows version',
  'support.verdict.unknown': 'Unknown: not enough facts to decide',
  'support.update.ok': 'installed (or not needed)',
  'support.update.missing': 'missing',
  'support.update.pending-reboot': 'installed, waiting for a restart',
  'support.update.unsupported-os': 'not available for this Windows version',
  'support.update.unknown': 'unknown',
  'support.root.present': 'present',
  'support.root.missing': 'missing',
  'support.root.disallowed': 'blocked (in the Disallowed store)',
  'support.root.unknown': 'unknown',
  'support.autoUpdate.enabled': 'allowed',
  'support.autoUpdate.disabled': 'turned off by policy',
  'support.autoUpdate.unknown': 'unknown',
  'support.agent.running': 'running',
  'support.agent.failed-signature': 'failing: signature not trusted (error 577)',
  'support.agent.failed-other': 'failing for another reason',
  'support.agent.stopped': 'stopped',
  'support.agent.not-installed': 'not installed',
  'support.agent.unknown': 'unknown',
  /** ── The HTML report (report/html.ts, html-sections.ts) ── */
  'report.title': 'ACS report: {machine} — {verdict}',
  'report.heading': 'ACS Support Assistant report',
  'report.computer': 'Computer {machine}, collected {collectedAt, datetime}',
  'report.unnamedComputer': 'unnamed computer',
  'report.supportCode': 'Support code',
  'report.qrLabel': 'QR code of the support code',
  'report.redacted': 'Names and addresses in this report were replaced by placeholders such as HOST-1 and USER-1 before it left the machine.',
  'report.simulated': 'This snapshot comes from a simulated machine, not a real one.',
  'report.simulatedProfile': 'This snapshot comes from a simulated machine (profile {profile}), not a real one.',
  'report.keyFacts': 'Key facts',
  'report.notIdentified': 'not identified',
  'report.windowsLine': '{name} (build {build}, {arch})',
  'report.minimumBuild': 'minimum build {build}',
  'report.autoUpdates': 'automatic root updates: {state}',
  'report.findings': 'Findings',
  'report.noProblems': 'No problems found.',
  'report.evidence': 'Evidence (snapshot field)',
  'report.value': 'Value',
  'report.meaning': 'Meaning',
  'report.plan': 'Plan',
  'report.nothingToDo': 'Nothing to do.',
  'report.step.update': 'update {kb}',
  'report.step.accepted': 'also accepted: {kbs}',
  'report.step.thumbprint': 'thumbprint {thumbprint}',
  'report.step.services': 'services: {services}',
  'report.step.admin': 'needs administrator rights',
  'report.step.restart': 'needs a restart',
  'report.actions': 'Actions taken',
  'report.noActions': 'No fixes were applied from this program on this machine.',
  'report.machine': 'Machine details',
  'report.os': 'Operating system',
  'report.hotfixes': 'Installed updates',
  'report.noneListed': 'none listed',
  'report.notCollected': 'not collected',
  'report.rootsSeen': 'Trusted root certificates seen',
  'report.services': 'Agent services',
  'report.events': 'Events',
  'report.notCollectedParts': 'What could not be collected',
  'report.sources': 'Sources',
  'report.footer': 'Collector: {collector}. Update catalogue dated {catalogueDate, date}. Report made {generatedAt, datetime} by {program}.',
  'report.th.subject': 'Subject',
  'report.th.thumbprint': 'Thumbprint',
  'report.th.store': 'Store',
  'report.th.service': 'Service',
  'report.th.state': 'State',
  'report.th.start': 'Start',
  'report.th.exitcode': 'Exit code',
  'report.th.program': 'Program',
  'report.th.time': 'Time',
  'report.th.source': 'Source',
  'report.th.id': 'Id',
  'report.th.message': 'Message',
  'report.th.step': 'Step',
  'report.th.event': 'Event',
  'report.th.result': 'Result',
  'report.th.by': 'By',
  'report.th.commands': 'Commands',
  'report.noneListedSentence': 'None listed.',
  'report.noneFound': 'None found.',
  'report.noneCollected': 'None collected.',
  'report.autoUpdateDetail': 'turned off by policy: {off}; source reachable: {reachable}',
  'report.verified': 'verified: {verified}',
  'report.noExitCode': 'no exit code',
  /** The language picker in the wizard's header. */
  'app.language': 'Language',
  /** ── Evidence notes (technical details): what a snapshot fact means ── */
  'ev.signatureNotVerified': 'signature could not be verified',
  'ev.denyList': 'Code Integrity {id} ({time}): {name} is on the deny list for protected processes, a block rather than missing trust',
  'ev.signerAcs': 'Code Integrity 3089: signed through Azure Code Signing (issuer {issuer})',
  'ev.signer': 'Code Integrity 3089: signer {issuer}',
  'ev.signerUnknown': 'Code Integrity 3089: signer unknown',
  'ev.driverNotAcs': '{note} (a driver: not the ACS problem)',
  'ev.acsSigned': 'signed through Azure Code Signing',
  'ev.chainEndsIn': 'chain ends in {name}',
  'ev.chainIntermediates': 'chain runs through the Microsoft ID Verified CS intermediates',
  'ev.driversFailed': 'Service Control Manager 7026 ({time}): drivers failed to load',
  'ev.ciDriver': 'Code Integrity {id} ({time}): driver {file}',
  'ev.kbNotInstalled': '{kb} not among the installed updates',
  'ev.internalSource': 'roots come from this internal source',
  'ev.store': 'store {store}',
  'ev.untrustedRoot': '{provider} {id}: untrusted root',
  'ev.cumulativeState': 'cumulative update to {build}: {state}',
  'ev.cumulative': 'cumulative update to {build}',
  'ev.cumulativeInstalled': 'cumulative update to {build}, installed {date}',
  'ev.restartOther': 'a restart is pending for another change',
  'ev.installedUpdates': 'installed updates',
  'ev.running': 'running',
  'ev.noTrendServices': 'no Trend Micro agent services',
  /** `collect` (progress and notes on stderr). */
  'cli.collect.simulated': 'collect: simulated machine "{profile}" (not a real one)',
  'cli.collect.cancelled': 'collection cancelled',
  'cli.collect.written': 'collect: snapshot written to {file}',
  'cli.collect.partsFailed': 'collect: {count, plural, one {# part} other {# parts}} could not be read (see "errors" in the snapshot)',
} as const;

export type MessageId = keyof typeof en;
