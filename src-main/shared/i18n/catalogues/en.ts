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

  // ── Fixes (src-main/fixes/): what a fix does ("What will happen"), its facts, safety checks, progress
  // and results, in the app's fix screens and in `fix --plan` / `fix --apply`. Parameters are facts:
  // KBs, builds, paths, thumbprints, exit codes, counts, service names, or nested messages. ──────────
  /** Nothing (an empty run of sentences). */
  'sentence.none': '',
  /** A fix's result, in the CLI's "-> status: message" line (English: the status word of the JSON). */
  'fix.status.succeeded': 'succeeded',
  'fix.status.reboot-required': 'reboot-required',
  'fix.status.nothing-to-do': 'nothing-to-do',
  'fix.status.guidance': 'guidance',
  'fix.status.refused': 'refused',
  'fix.status.declined': 'declined',
  'fix.status.failed': 'failed',
  /** CLI marks: a passed / failed safety check ("[ok]"), a command that runs elevated, a verified item ("ok" / "NOT"). */
  'fix.cli.checkPassed': 'ok',
  'fix.cli.checkFailed': 'FAIL',
  'fix.cli.elevated': '(elevated)',
  'fix.cli.itemOk': 'ok',
  'fix.cli.itemNotOk': 'NOT',
  /** {path}: the administrator script (run-as-administrator.cmd). */
  'fix.cli.adminScript': 'Administrator script: {path}',
  /** {message}: the elevated helper's own words (always English), kept for support. */
  'fix.cli.helperSaid': 'The elevated helper reported: {message}',
  /** Fact labels of a fix preview (the "What will happen" card's list, `fix --plan`). */
  'fix.fact.certificate': 'certificate',
  'fix.fact.file': 'file',
  'fix.fact.sha1': 'SHA-1 thumbprint',
  'fix.fact.sha256': 'SHA-256 fingerprint',
  'fix.fact.pinnedSha1': 'pinned SHA-1',
  'fix.fact.store': 'store',
  'fix.fact.validUntil': 'valid until',
  'fix.fact.update': 'update',
  'fix.fact.minimumBuild': 'minimum build',
  'fix.fact.architecture': 'architecture',
  /** The Microsoft Update Catalog's address (a fact label). */
  'fix.fact.catalogue': 'Microsoft Update Catalog',
  'fix.fact.steps': 'steps',
  'fix.fact.package': 'package',
  'fix.fact.size': 'size',
  'fix.fact.sha256Plain': 'SHA-256',
  'fix.fact.kbInName': 'KB in file name',
  'fix.fact.when': 'when',
  'fix.fact.afterRestart': 'after the restart',
  'fix.fact.order': 'order',
  'fix.fact.advice': 'advice',
  /** A fact value: a fingerprint that could not be read. */
  'fix.fact.unreadable': 'unreadable',
  /** {megabytes}: size in MB, one decimal; {bytes}: exact size. */
  'fix.fact.sizeValue': '{megabytes} MB ({bytes} bytes)',
  /** Progress lines while a step runs (the fix screen's progress list, the CLI). */
  'fix.progress.checkCertificate': 'Checking the certificate file against the pinned fingerprints.',
  'fix.progress.readStore': 'Reading the certificate store again.',
  'fix.progress.checkPackage': 'Checking the update file: KB number, architecture and Microsoft signature.',
  'fix.progress.readBuild': 'Reading the Windows build and installed updates again.',
  'fix.progress.scheduleRestart': 'Scheduling the restart.',
  'fix.progress.readServices': 'Reading the services and their recent events again.',
  /** Before the UAC prompt ("User Account Control" in Windows). */
  'fix.progress.elevating': 'Asking Windows for administrator rights for this step (UAC prompt).',
  'fix.progress.runningAdmin': 'Running the step with administrator rights.',
  'fix.progress.checkingAgain': 'Checking the computer again',
  'fix.progress.undoing': 'Undoing the step',
  /** {reasons}: the failed safety checks, as sentences. */
  'fix.refused.before': 'Refused before changing anything: {reasons}',
  'fix.refused.beforeInstall': 'Refused before installing anything: {reasons}',
  /** {error}: the program's own error text. */
  'fix.stepError': 'The step stopped with an error: {error}',
  /** The administrator prompt was declined or the account has no administrator rights. {reason}: "declined" or "no-admin"; {what}: fix.what.*. */
  'fix.declined': '{reason, select, declined {The administrator prompt was declined} other {This account has no administrator rights}}, so {what} was not done and nothing changed.',
  'fix.what.certificateImport': 'the certificate import',
  'fix.what.certificateRemoval': 'removing the certificate',
  'fix.what.updateInstall': 'the update installation',
  'fix.what.restart': 'the restart',
  'fix.what.services': 'starting the services',
  /** The ready-made administrator script. {folder}: its folder; {file}: run-as-administrator.cmd. "Run as administrator" is Explorer's menu item. */
  'fix.adminScript.instructions':
    'Ask an administrator to open the folder "{folder}", read {file} (a few lines), then right-click it and choose "Run as administrator". It runs the installed helper (or a checked copy in a folder only administrators can change), which checks the same things as this app and makes the same change; its result and journal lines go to %ProgramData%\\ACS Support Assistant. Then open the app again to verify.',
  /** Outside messages of commands run without the helper: started, not available ({code}: the error), ended ({code}: exit code). */
  'fix.command.started': 'Started.',
  'fix.command.unavailable': 'Not available on this Windows ({code}).',
  'fix.command.ended': 'Ended with {code}.',
  'fix.code.noExitCode': 'no exit code',
  'fix.code.none': 'none',
  // Root certificate (fixes/root-certificate.ts, certificate-check.ts). {name}: the certificate's name; {thumbprint}: SHA-1.
  'fix.root.what': 'Adds "{name}" (SHA-1 {thumbprint}) to this computer\'s Trusted Root store, after checking that the file is exactly that certificate.',
  'fix.root.undoNote': 'Undo removes exactly this certificate from the Root store, and only if this app added it.',
  'fix.root.purpose.find': "Look whether the certificate is already in the machine's Trusted Root store.",
  'fix.root.purpose.add': "Add the certificate to the machine's Trusted Root store (LocalMachine\\Root).",
  /** The store as a fact value: its technical name, then its name in the certificate console. */
  'fix.root.store': 'LocalMachine\\Root (Trusted Root Certification Authorities)',
  'fix.root.verify.unreadable': 'The certificate stores could not be read again.',
  /** {stores}: technical store names (Root, AuthRoot). */
  'fix.root.verify.ok': 'The root certificate is in the trusted store ({stores}).',
  'fix.root.verify.disallowed': 'The root certificate is in the Disallowed store: Windows distrusts it on purpose (ask the administrator who put it there).',
  'fix.root.verify.missing': 'The root certificate is not in the trusted stores.',
  'fix.root.detail.found': 'found in {stores}',
  'fix.root.detail.disallowed': 'in Disallowed',
  'fix.root.detail.notFound': 'not found',
  'fix.root.undo.notOurs': 'This app did not add the root certificate (it was already there, or someone else added it), so undo leaves it where it is.',
  'fix.root.undo.stillThere': 'The certificate is still in the Root store.',
  'fix.root.undo.removed': 'The certificate is no longer in the Root store.',
  /** Safety checks of a certificate file. {file}: its path; {code}: the system's error code. */
  'fix.cert.notFound': 'The certificate file was not found: {file}',
  'fix.cert.unreadable': 'The certificate file cannot be read ({code}): {file}',
  'fix.cert.notCertificate': 'The file is not a whole certificate (damaged, truncated or another kind of file). Nothing was imported.',
  'fix.cert.notSingle': 'The file holds more than one certificate, or extra data after it. Only a file with exactly the one root certificate is imported. Nothing was imported.',
  'fix.cert.badDates': "The certificate's validity dates cannot be read (a damaged file). Nothing was imported.",
  'fix.cert.complete': 'The file holds one complete certificate.',
  'fix.cert.sha1Pinned': 'SHA-1 thumbprint {thumbprint} equals the pinned value.',
  /** {lookalike}: "true" when the certificate has the same name. */
  'fix.cert.sha1Other': 'SHA-1 thumbprint {thumbprint} is not the pinned {pinned}{lookalike, select, true { (same name, different key: a look-alike certificate)} other {}}.',
  'fix.cert.sha256Pinned': 'SHA-256 fingerprint equals the pinned value.',
  'fix.cert.sha256Other': 'SHA-256 fingerprint {fingerprint} is not the pinned {pinned}.',
  /** {date}, {from}, {to}: ISO dates (YYYY-MM-DD). */
  'fix.cert.validUntil': 'Valid until {date}.',
  'fix.cert.notValidNow': 'The certificate is not valid today (valid {from} to {to}).',
  // Windows update (fixes/windows-update.ts, package-check.ts, update-guidance.ts). {kb}: e.g. KB5011487.
  /** {update}: fix.update.kbs or fix.update.newest. */
  'fix.update.what': 'Installs {update} so that Windows can check Trusted Signing (ACS) signatures: from an update file you choose (checked first), or through Windows Update.',
  /** "Update history" as Windows Settings names it. */
  'fix.update.undoNote': 'Security updates are not removed by this app (removing them makes the agent fail again); Windows can uninstall one under Settings > Update history if really needed.',
  /** {kbs}: the KBs the plan accepts. */
  'fix.update.kbs': '{kbs, list, or}',
  'fix.update.newest': 'the newest cumulative update',
  'fix.update.purpose.settings': 'Open Settings > Windows Update.',
  'fix.update.purpose.controlPanel': 'Open Control Panel > Windows Update.',
  'fix.update.purpose.scan': 'Ask Windows Update to look for updates now.',
  'fix.update.purpose.dism': 'Install the package with DISM, without restarting.',
  'fix.update.purpose.wusa': 'Install the update with the Windows Update Standalone Installer, without restarting.',
  'fix.update.noNetwork': 'This computer has no network: use an update file instead.',
  'fix.update.noScreen': 'This Windows has no Windows Update screen to open.',
  'fix.update.chooseFile': 'Choose the update file (.msu or .cab) first.',
  /** {path}: the path as typed. The helper refuses it; this says so before the person approves the step. */
  'fix.update.pathNotPlain':
    'The update file must be named by a plain path on a local disk or USB stick of this computer, with a drive letter and without . or .. folders ({path}). Copy it to a folder such as C:\\Updates and choose it there.',
  /** {build}: the build now (or common.unknown); {minimum}: the build needed. */
  'fix.update.verify.build': 'Windows is at build {build}, at or above {minimum}.',
  /** {kbs}: installed KBs. */
  'fix.update.verify.installed': '{kbs} is installed.',
  'fix.update.verify.pending': 'The update is installed; Windows must restart before it takes effect (build now {build}).',
  'fix.update.verify.missing': 'The update is not installed (build {build}{hasMinimum, select, true {, needs {minimum}} other {}}).',
  'fix.update.detail.restart': 'restart needed',
  /** {kb}: the KB, or fix.update.offered. */
  'fix.update.online': 'Windows Update is open and looking for updates. Install {kb} (or a later one), restart when Windows asks, then come back here: the app checks again.',
  'fix.update.offered': 'the offered cumulative update',
  /** {kbs}: prerequisites, comma-separated. */
  'fix.update.installFirst': 'Install these first: {kbs}.',
  /** Safety checks of an update file. {path}: its path; {extension}: .msu or .cab. */
  'fix.package.notFound': 'The package file was not found or cannot be read: {path}',
  'fix.package.type': 'The file is a {extension} update package.',
  'fix.package.wrongType': 'Only .msu and .cab update packages can be installed.',
  'fix.package.noKb': 'The file name does not contain a KB number (Microsoft Update Catalog files do: "windows10.0-kb5011487-x64_...msu").',
  'fix.package.kbNeeded': '{kb} is an update this Windows needs.',
  /** {after}: the KB the plan names; a file numbered above it is a later cumulative update. */
  'fix.package.kbLater': '{kb} is newer than {after}: a later cumulative update also brings the fix (the build is checked after the restart).',
  /** {expected}: fix.package.expected. */
  'fix.package.kbOther': '{kb} is not an update that fixes this Windows (expected {expected}).',
  /** {kbs}: the accepted KBs (or fix.package.noneKnown); {later}: "true" when a later cumulative update numbered above {after} is accepted too. */
  'fix.package.expected': '{kbs, list, or}{later, select, true {, or a later cumulative update (numbered above {after})} other {}}',
  'fix.package.noneKnown': 'none known',
  'fix.package.noArch': 'The file name does not say which architecture it is for (x64, x86 or arm64).',
  'fix.package.archMatches': 'Built for {arch}, like this Windows.',
  /** {arch}: the file's architecture; {expected}: this Windows'. */
  'fix.package.archOther': 'Built for {arch}, but this Windows is {expected}.',
  /** {code}: exit code (or fix.code.none); {timedOut}: "true" or "false". */
  'fix.package.signatureUnreadable': "Windows could not read the package's signature (exit {code}{timedOut, select, true {, timed out} other {}}).",
  'fix.package.signatureGarbled': 'The signature check printed something unexpected.',
  'fix.package.signedMicrosoft': 'Signed by Microsoft Corporation; the signature is valid.',
  /** {signer}: the signer's subject, or fix.package.unknownSigner. */
  'fix.package.signedOther': 'Signed, but not by Microsoft ({signer}).',
  'fix.package.unknownSigner': 'unknown signer',
  /** {status}: Windows' status word (HashMismatch, NotSigned…); {detail}: Windows' own message. */
  'fix.package.signatureInvalid': 'The signature is not valid ({status}{hasDetail, select, true {: {detail}} other {}}).',
  'fix.package.contentsUnknown': 'Windows could not list the updates inside the file; the build is checked after the restart instead.',
  /** {kbs}: the KBs inside the file. */
  'fix.package.contentsMatch': 'The file holds {kbs}, as its name says.',
  'fix.package.contentsRenamed': 'The file is named {kb} but holds {kbs}: it was renamed, so it is refused.',
  /** What to do without a file or Windows Update. {kbs}: KBs in order; {url}: the Microsoft Update Catalog search; {arch}: x64…; {product}: Windows' name, or fix.guide.thisSystem. */
  'fix.guide.first': 'First install, in this order: {kbs} (restart when asked).',
  'fix.guide.download': 'On a computer with internet, open {url} and download the {arch} package of {kb} for this Windows version ({product}).',
  'fix.guide.thisSystem': 'this system',
  'fix.guide.laterWorks': 'Any later cumulative update also works: after installing, the Windows build must be {minimum} or higher.',
  'fix.guide.anyOf': 'Any of these also works: {kbs}.',
  /** "Install from a file": the fix screen's choice of a local update file. */
  'fix.guide.copy': 'Copy the .msu file to a USB stick, then choose it here ("Install from a file").',
  'fix.guide.newest': 'Install the newest cumulative update for this Windows from Windows Update or the Microsoft Update Catalog.',
  /** Why a prerequisite of Windows 7 / Server 2008 (R2) is needed. */
  'fix.guide.why.sha2': 'SHA-2 code signing support: Windows cannot check updates signed after 2019 without it.',
  'fix.guide.why.ssu': 'The servicing stack update of October 2021 or later (install the newest one the catalogue offers for this Windows).',
  'fix.guide.why.esu': 'The Extended Security Updates (ESU) licensing preparation package; the rollup installs only with an active ESU key.',
  /** Without internet in the app. {kb}: the KB, or fix.offline.theUpdate. */
  'fix.offline.update': 'Download {kb} from the Microsoft Update Catalog on another computer, bring the .msu file on a USB stick, and choose it here.',
  'fix.offline.theUpdate': 'the update',
  'fix.offline.root': 'The root certificate comes with this app: no internet connection is needed.',
  // Restart (fixes/reboot.ts). {seconds}: the countdown.
  /** Shown by Windows in its restart notice (shutdown /c): letters, digits, spaces and . , : ; ! ? ' ( ) - only. */
  'fix.reboot.comment': 'ACS Support Assistant: restarting to finish installing the Windows update. Save your work.',
  'fix.reboot.title': 'Restart Windows',
  'fix.reboot.stepWhy': 'The installed change takes effect when Windows starts again.',
  'fix.reboot.resumeWhy': 'Resuming the plan after a restart.',
  'fix.reboot.what': 'Restarts Windows so the installed update takes effect. You choose when; the app never restarts on its own.',
  'fix.reboot.undoNote': 'A restart cannot be undone; a scheduled one can be cancelled with "shutdown /a" within the countdown.',
  'fix.reboot.purpose': 'Restart Windows in {seconds} seconds (time to save open work).',
  'fix.reboot.when.now': 'now',
  'fix.reboot.when.later': 'later',
  'fix.reboot.when.notChosen': 'not chosen yet',
  'fix.reboot.afterRestart': 'open the app again: it continues the plan and checks the result',
  /** "Restart now" / "Restart later": the fix screen's two restart buttons. */
  'fix.reboot.choose': 'Choose "Restart now" or "Restart later": the app never restarts Windows on its own.',
  'fix.reboot.later': 'Restart Windows when it suits you; open the app afterwards and it continues from here.',
  'fix.reboot.now': 'Windows restarts in {seconds} seconds. Open the app again afterwards: it continues the plan and checks the result.',
  'fix.reboot.verify.unknown': 'Windows could not tell whether a restart is still pending.',
  /** {reasons}: Windows' own markers (e.g. "CBS RebootPending"), or fix.reboot.pendingChanges. */
  'fix.reboot.verify.pending': 'Windows still waits for a restart ({reasons}).',
  'fix.reboot.pendingChanges': 'pending changes',
  'fix.reboot.detail.pending': 'pending',
  'fix.reboot.verify.none': 'No restart is pending: the installed changes are in effect.',
  'fix.reboot.resume.again': 'Restart Windows, then open the app again.',
  'fix.reboot.resume.continuing': 'Continuing with {count, plural, one {# remaining step} other {# remaining steps}}.',
  // Agent services (fixes/agent-services.ts). {name}: a service's short name; {names}: several, comma-separated.
  'fix.services.what': 'Starts {names} in the order they depend on each other, waits for each, then checks their state and recent events.',
  'fix.services.undoNote': 'Nothing to undo: starting a service changes no setting.',
  'fix.services.purpose.start': 'Start {name}.',
  'fix.services.purpose.wait': 'Wait until {name} runs (polled until the time limit).',
  'fix.services.none': 'none',
  'fix.services.noneNamed': 'The plan names no service to start.',
  'fix.services.detail.notFound': 'not found on this computer',
  'fix.services.detail.running': 'running',
  'fix.services.detail.damaged':
    'Windows has the update and the root certificate, yet still rejects the signature of this program: the file is damaged or not signed in a way Windows accepts; the vendor (Trend Micro) must replace it.',
  'fix.services.detail.signature': 'Windows still cannot check its signature (error 577): the update, the restart or the root certificate is still missing.',
  /** {state}: the service state in lower case (stopped, paused…); {code}: its exit code. */
  'fix.services.detail.state': '{state}{hasCode, select, true { (exit code {code})} other {}}',
  /** {state}: the state it was left in (START_PENDING…). */
  'fix.services.detail.timedOut': 'Did not reach "running" in time (state {state}).',
  'fix.services.detail.stoppedAgain': 'The service stopped again right after starting.',
  /** {why}: the sentence before; {id}: a Service Control Manager event id; {time}: ISO time; {message}: the event's text from Windows. */
  'fix.services.detail.lastEvent': '{why} Last event {id} at {time}{hasMessage, select, true {: {message}} other {}}',
  'fix.services.allRunning': '{count, plural, one {The agent service is running.} other {All # agent services are running.}}',
  'fix.services.someDamaged':
    '{running} of {count} services run. What is left is not a Windows setting: a program file of the agent is damaged or must be replaced by the vendor. Export the report and contact support.',
  /** {trust}: "true" when the update and the root certificate are in place. */
  'fix.services.some': '{running} of {count} services run.{trust, select, true {} other { Finish the update, restart and root certificate steps first, then start the services again.}}',
  // Steps the app cannot carry out (fixes/guidance.ts).
  'fix.upgrade.what':
    'This Windows version can never get the update that trusts ACS signatures: it has to be upgraded to a supported version (Windows 10 22H2, Windows 11, or a supported Windows Server).',
  'fix.upgrade.step1': 'Ask your IT department to plan the upgrade; it cannot be done from this app.',
  'fix.upgrade.step2': 'Until then the agent keeps its older (non-ACS) build only if the vendor still offers one.',
  'fix.support.what': 'The rest of the problem is outside Windows settings: support needs the report to look further.',
  'fix.support.step1': 'Export the report (it can hide names and addresses).',
  'fix.support.step2': 'Send it to your helpdesk or Trend Micro support, with the support code shown on the result screen.',
  'fix.guidance.undoNote': 'Nothing changes on this computer.',
  'fix.guidance.verify.ready': 'The agent services now run.',
  /** {verdict}: ready, action-required, unsupported or unknown. */
  'fix.guidance.verify.still': 'The check still says: {verdict}.',
  // The journal (fixes/journal.ts): a step that started and never finished. {time}: ISO time; {step}: the step's id; {operation}: apply, undo or resume.
  'fix.journal.restartStarted': 'A restart was started at {time}. The plan continues from where it stopped; the app checks that the restart took effect.',
  'fix.journal.unfinished':
    '{operation, select, undo {Undoing} resume {Checking after the restart for} other {Applying}} "{step}" started at {time} but did not finish (the program or Windows stopped). The app will check the machine again before doing anything else.',
  // After a restart (app/handlers/restart.ts, info.ts). {title}: the next step's title.
  'fix.resume.none': 'No restart was waiting to be continued.',
  'fix.resume.restarted': 'Windows restarted.',
  'fix.resume.nothingLeft': 'The check finds nothing left to do.',
  'fix.resume.next': 'Next: "{title}".',
  'fix.resume.checkAfterRestart': 'Check the computer after the restart',
  // The plan runner's refusals (plan-runner/). {number}: the step's number.
  'runner.noSnapshot': 'Check this computer first: the plan comes from the result.',
  'runner.noStep': 'The plan has no step {number}.',
  'runner.restartOperation': 'A restart is chosen with "Restart now" or "Restart later" (the reboot operation).',
  'runner.previewFirst': 'Look at what this step will do first (preview), then confirm.',
  /** {undoable}: "true" when the step can be undone once applied; {note}: the step's undo note. */
  'runner.cannotUndo': 'Step {number} cannot be undone{undoable, select, true { before it was applied} other {}}: {note}',
  // Elevation (fixes/elevation.ts): what the app says when the elevated helper could not report a result.
  'elevation.declined': 'The administrator prompt (UAC) was declined, so nothing was changed.',
  'elevation.launcherDeclined': 'The administrator prompt was declined.',
  'elevation.helperReported': 'The elevated helper ran and reported its result.',
  /** "Constrained Language Mode": PowerShell's name for the mode; AppLocker and WDAC are product names. */
  'elevation.constrainedLanguage':
    'PowerShell runs in Constrained Language Mode on this machine (application control such as AppLocker or WDAC), so the helper cannot run. Nothing was changed. Ask the administrator to run the fix with the field kit or allow the signed helper.',
  'elevation.unsafeFolder':
    "The helper's folder %ProgramData%\\ACS Support Assistant exists but was not created by an administrator, so the helper refused to write there. Nothing was changed. An administrator should delete that folder.",
  'elevation.portable':
    'The portable build of the assistant makes no change that needs administrator rights: it runs from a temporary folder that your account can change, so Windows could not trust what it would run as administrator. Nothing was changed.',
  'elevation.notElevated': 'This process has no administrator rights, so the helper changed nothing.',
  'elevation.badInvocation': 'The helper refused to start: the action, request hash or run id was not valid. Nothing was changed.',
  /** {why}: one of the elevation.* sentences. */
  'elevation.failed': 'The elevated helper failed: {why}',
  /** {code}: the system's error code (ENOENT…). */
  'elevation.spawnFailed': 'PowerShell could not be started ({code}).',
  'elevation.timedOut': 'The helper did not finish in time.',
  /** {code}: the exit code (hex and decimal), or fix.code.noExitCode. */
  'elevation.noResult': 'The helper ended with {code} without reporting a result.',
  // The elevated helper's result (assets/fixes/acs-fix-helper.ps1 writes English; the app says it from its status and reason).
  'helper.refused.location':
    'The elevated helper refused to run: it is stored in a folder that non-administrators can change. Install the app for all users (Program Files) or use the administrator script. Nothing was changed.',
  'helper.refused.requestUnreadable': 'The elevated helper could not read the request file. Nothing was changed.',
  'helper.refused.requestChanged': 'The elevated helper refused: the request file changed after you approved it. Nothing was changed.',
  'helper.refused.requestInvalid': 'The elevated helper refused: the request is not valid. Nothing was changed.',
  'helper.refused.certificateSelfCheck': 'The elevated helper refused: the root certificate inside it does not match the pinned fingerprints (the helper was changed). Nothing was imported.',
  'helper.refused.certificateExpired': 'The elevated helper refused: the root certificate is not valid today. Nothing was imported.',
  'helper.refused.packageNotLocal':
    'Refused: the update package must be on a local disk of this computer (not a network share, a device path or a mapped network drive). Copy it to a local folder or USB stick first. Nothing was installed.',
  'helper.refused.packageMissing': 'The package file cannot be found any more. Nothing was installed.',
  'helper.refused.packageChanged': 'The package file changed after it was checked (different SHA-256). Nothing was installed.',
  'helper.refused.packageUnsigned': 'Refused: the package is not validly signed. Nothing was installed.',
  'helper.refused.packageNotMicrosoft': 'Refused: the package signature does not chain to a Microsoft root certificate. Nothing was installed.',
  'helper.refused.packageWrongKb': 'Refused: the package does not hold the update its name says. Nothing was installed.',
  'helper.refused.other': 'The elevated helper refused the change after its own checks. Nothing was changed.',
  'helper.root.added': "The root certificate was added to the machine's Trusted Root store.",
  'helper.root.present': "The root certificate is already in the machine's Trusted Root store; nothing was changed.",
  'helper.root.notAdded': 'The root certificate could not be added to the Trusted Root store.',
  'helper.root.removed': "The root certificate was removed from the machine's Trusted Root store.",
  'helper.root.gone': 'The certificate was no longer in the store.',
  'helper.root.notRemoved': 'The root certificate could not be removed from the Trusted Root store.',
  /** {count}: services asked to start; {notRunning}: those not running. */
  'helper.services.allRunning': '{count, plural, one {The service is running.} other {Every service is running.}}',
  'helper.services.notRunning': '{notRunning} of {count} services are not running.',
  'helper.stopped': 'The elevated helper stopped with an error before it finished.',
  // Exit codes of the commands the fixes run (fixes/exit-codes.ts): wusa and DISM, certutil, sc, shutdown.
  'code.update.installed': 'The update was installed.',
  'code.update.restart': 'The update was installed; Windows must restart to finish.',
  'code.update.installerRestarts': 'The update was installed and the installer started a restart.',
  'code.update.alreadyInstalled': 'This update is already installed.',
  'code.update.notApplicable':
    'This update does not apply to this computer: wrong Windows version or architecture, already replaced by a newer update, or a prerequisite (such as a servicing stack update) is missing.',
  'code.update.cbsNotApplicable': 'This package does not apply to this Windows (CBS_E_NOT_APPLICABLE): wrong version or architecture.',
  'code.update.missingBaseline': 'A prerequisite baseline update is missing (CBS_E_MISSING_PREREQUISITE_BASELINES): install the servicing stack update first.',
  'code.update.unserviceable': 'Windows reports the image cannot be serviced (CBS_E_IMAGE_UNSERVICEABLE); run DISM /Online /Cleanup-Image /RestoreHealth, then try again.',
  'code.update.sourceMissing': 'Files the update needs could not be found (CBS_E_SOURCE_MISSING).',
  'code.update.installersFailed': 'The update installers failed (CBS_E_INSTALLERS_FAILED); often not enough space on the system reserved partition.',
  'code.update.busy': 'Another installation is already running. Wait until it finishes (or restart Windows), then try again.',
  'code.update.wuBusy': 'Another installation is already running (WU_E_INSTALL_NOT_ALLOWED). Wait until it finishes, then try again.',
  'code.update.accessDenied': 'Access denied: installing updates needs administrator rights.',
  'code.update.fileNotFound': 'The package file was not found.',
  'code.update.badArguments': 'The installer rejected its arguments.',
  'code.update.damaged': 'The package file is damaged or incomplete.',
  'code.declined': 'The administrator prompt was declined.',
  'code.certutil.ok': 'certutil finished successfully.',
  'code.certutil.accessDenied': 'Access denied: the machine certificate store needs administrator rights.',
  'code.certutil.fileNotFound': 'The certificate file was not found.',
  'code.certutil.notInStore': 'The certificate was not found in the store (CRYPT_E_NOT_FOUND).',
  'code.certutil.badTag': 'The certificate file is damaged (ASN1 bad tag value).',
  'code.certutil.badTagMet': 'The certificate file is damaged (ASN1 bad tag value met).',
  'code.service.accepted': 'The start request was accepted.',
  'code.service.alreadyRunning': 'The service is already running.',
  'code.service.signature': 'Windows cannot verify the digital signature of the service program (error 577): the update or the root certificate is still missing, or the file is damaged.',
  'code.service.accessDenied': 'Access denied: starting this service needs administrator rights.',
  'code.service.disabled': 'The service is disabled (error 1058).',
  'code.service.notInstalled': 'The service is not installed (error 1060).',
  'code.service.noResponse': 'The service did not respond in time (error 1053).',
  'code.service.dependency': 'A service it depends on could not start (error 1068).',
  'code.service.logon': 'The service could not log on (error 1069).',
  'code.service.fileNotFound': 'The service program file was not found (error 2).',
  'code.service.badImage': 'The service program is not a valid Windows program (error 193): the file is damaged.',
  'code.shutdown.ok': 'Windows will restart shortly.',
  'code.shutdown.scheduled': 'A restart is already scheduled (error 1190).',
  'code.shutdown.accessDenied': 'Access denied: this account may not restart Windows.',
  'code.shutdown.shuttingDown': 'Windows is already shutting down.',
  'code.notFinished': 'The command did not finish (timed out, cancelled, or could not start).',
  /** {code}: hex and decimal, e.g. "0x80240017 (2149842967 / -2145124329)". */
  'code.unexpected': 'Unexpected exit code {code}.',
  /** {meaning}: one of the code.* sentences. */
  'code.withExitCode': '{meaning} [exit code {code}]',
  'code.program.notFinished': 'The command did not finish.',
  'code.program.ok': 'Finished successfully.',
  'code.program.ended': 'Ended with exit code {code}.',
  /** `fix --apply` (src-main/cli/commands/fix.ts). {message}: a fix's message; {machine}: cli.fix.thisComputer or cli.fix.simulatedHost; {headline}: the diagnosis headline. */
  'cli.fix.note': 'Note: {message}',
  'cli.fix.afterRestart': 'After the restart: {message}',
  'cli.fix.fixing': 'Fixing {machine}: {headline}',
  'cli.fix.thisComputer': 'this computer',
  'cli.fix.simulatedHost': 'simulated host "{profile}"',
  /** The question before each step; the answer y (or yes) applies it. */
  'cli.fix.confirm': 'Apply "{title}"? [y/N]',
  'cli.fix.result': 'Result: {headline}',

  // ── The field kit (src-main/kit/, `kit`, the app's kit panel) ─────────────────────────────────────
  /** A text without a message of its own (a step title from an older diagnosis, a check's words), shown as it is. */
  'kit.text': '{text}',
  'kit.error.notWindows': 'This snapshot is not of a Windows computer: there is nothing a kit could fix.',
  'kit.error.noComputerName': 'The snapshot does not name its computer, so a kit could not make sure it runs on that computer only. Collect the snapshot again.',
  'kit.error.nothingToFix': 'This computer needs no fix: the diagnosis says it is ready.',
  /** {headline}: the diagnosis headline. */
  'kit.error.cannotDiagnose': 'No fix kit can be built: {headline}',
  'kit.error.stepsNotInKit': 'The plan for this computer has steps a kit cannot carry out; follow the diagnosis instead.',
  /** {kb}: the KB (or kit.error.seeDiagnosis); {more}: "true" when other KBs are accepted too; {arch}: x64, x86… */
  'kit.error.packageNeeded': 'This computer needs a Windows update: choose the update file ({kb}{more, select, true { or a later one the diagnosis names} other {}}, {arch}) with --package.',
  'kit.error.seeDiagnosis': 'see the diagnosis',
  'kit.error.packageNotNeeded': 'This computer needs no Windows update: build the kit without a package.',
  'kit.error.cannotCheck': 'The update file cannot be checked here.',
  'kit.error.packageRefused': 'The update file was refused; nothing was written.',
  'kit.error.packageChanged': 'The update file changed while it was copied into the kit; nothing usable was written. Build the kit again.',
  /** {dir}: the folder chosen for the kit. */
  'kit.error.notEmpty': 'The folder {dir} is not empty. Choose an empty folder (or a new one) for the kit.',
  /** Reading a kit back. {dir}: its folder; {file}: kit.json or result/result.json. */
  'kit.read.notAKit': '{dir} is not a fix kit (no {file}).',
  'kit.read.damaged': '{file} in {dir} is damaged.',
  'kit.read.resultDamaged': "The kit's result file ({file}) is damaged or not from this program.",
  'kit.read.otherKit': 'The result in {file} belongs to another kit.',
  'kit.read.snapshotNotInKit': 'The result names a snapshot file that is not in the kit.',
  /** `kit` on the command line. {dir}: the kit folder; {count}: its files; {computer}: the computer it fixes. */
  'cli.kit.collectorWritten': 'kit: collector written to {dir} ({count, plural, one {# file} other {# files}}). On the computer: double-click COLLECT.cmd.',
  'cli.kit.fixWritten': 'kit: fix kit for {computer} written to {dir} ({count, plural, one {# file} other {# files}}).',
  /** {message}: a passed check of the update file. */
  'cli.kit.checked': 'checked: {message}',
  'cli.kit.onTheComputer': 'On the computer: double-click FIX.cmd (README.txt says the same in plain words). Afterwards: acs-assistant kit --result DIR.',
  'cli.kit.needOut': 'give the kit folder with --out DIR (an empty folder, e.g. on the USB stick)',
  'cli.kit.collectorTakesNothing': '--collector-only takes no snapshot and no --package',
  'cli.kit.needSnapshot': 'give the snapshot file of the computer to fix (or --collector-only)',
  'cli.kit.signatureOnWindows': "the update file's Microsoft signature can only be checked on Windows: build this kit on a Windows laptop",
  /** {error}: the system's words. */
  'cli.kit.cannotWrite': 'the kit could not be written: {error}',
  'cli.kit.resultAlone': '--result DIR takes nothing else',
  /** `kit --result DIR`. {product}: Windows' name; {build}: its build; {date}: ISO date the kit was built. */
  'cli.kit.read.heading': 'Kit for {computer} ({product}, build {build}), built {date}.',
  'cli.kit.read.changed': 'Files changed since the kit was built: {files}.',
  /** {message}: the kit's own result line (in the kit's language). */
  'cli.kit.read.result': 'Result: {message}',
  'cli.kit.read.notRun': 'The kit has not been run yet (no result in its result folder).',
  /** {state}: done, failed or to-do. */
  'cli.kit.read.state': '{state, select, done {done} failed {FAILED} other {still to do}}',
  'cli.kit.read.after': 'New check of the computer: {headline}',
  'cli.kit.read.afterUnreadable': 'The new check of the computer could not be read: {error}',
  'cli.kit.read.noCheck': 'The kit wrote no new check of the computer.',

  // ── The fleet summary (src-main/fleet/, `fleet`): the text and the HTML page; CSV and NDJSON are data ──
  /** Why a file was not used. {mib}: the size limit; {code}: the system's error code; {detail}: the parser's words; {format}: the file's format name. */
  'fleet.tooLarge': 'larger than {mib} MiB',
  'fleet.cannotRead': 'cannot read: {code}',
  'fleet.notJson': 'not valid JSON ({detail})',
  'fleet.otherFormat': '{format}, not a snapshot',
  'fleet.cannotDiagnose': 'cannot be diagnosed: {detail}',
  'fleet.folderUnreadable': 'folder cannot be read: {code}',
  /** {folder}: the folder given on the command line. */
  'fleet.notAFolder': '{folder} is not a folder',
  'fleet.folderMissing': 'cannot read the folder {folder}: it does not exist',
  'fleet.folderError': 'cannot read the folder {folder}: {detail}',
  /** {collectedAt}: the snapshot's ISO time; {minutes}: the clock skew allowed. */
  'fleet.inFuture': "collected in the future ({collectedAt}, more than {minutes} minutes after this summary was made): refused, so it cannot stand in for the machine's real snapshot",
  'fleet.conflict.severalSnapshots': '{count, plural, one {# snapshot} other {# snapshots}} of the same machine; the newest is counted',
  'fleet.conflict.severalMachines': '{count, plural, one {# machine} other {# machines}} (different machine ids, or with and without one) report this computer name; each is counted',
  /** {folder}: the folder's name; {machines}, {snapshots}, {files}: counts. */
  'fleet.text.headline':
    'Fleet summary of {folder}: {machines, plural, one {# machine} other {# machines}} from {snapshots, plural, one {# snapshot} other {# snapshots}} ({files, number} JSON files read)',
  /** {title}: one of fleet.title.*. */
  'fleet.text.none': '{title}: none',
  'fleet.text.more': '  …and {count, number} more',
  'fleet.text.moreSee': '  …and {count, number} more (see --json, --ndjson or --html)',
  'fleet.text.unreadable': 'Unreadable files ({count, number}):',
  'fleet.text.refused': 'Refused snapshots ({count, number}):',
  'fleet.text.conflicts': 'Conflicting snapshots ({count, number}):',
  'fleet.text.skipped': 'Skipped {count, plural, one {# other file} other {# other files}} of this program (diagnoses, manifests, summaries).',
  'fleet.title.verdicts': 'Verdicts',
  'fleet.title.windows': 'Windows versions',
  'fleet.title.missing': 'Missing updates',
  'fleet.title.root': 'ACS root certificate',
  'fleet.title.agent': 'Agent services',
  'fleet.title.machines': 'Machines',
  'fleet.title.unreadable': 'Unreadable files',
  'fleet.title.refused': 'Refused snapshots',
  'fleet.title.conflicts': 'Conflicting snapshots',
  /** Column headings of a count table. */
  'fleet.title.value': 'Value',
  'fleet.title.count': 'Machines',
  'fleet.title.none': 'None.',
  /** Marks the snapshot counted among several of one machine. */
  'fleet.title.kept': 'counted',
  /** A count's value: the root certificate's state ({root}: support.root.*) and its automatic updates ({autoUpdate}: support.autoUpdate.*). */
  'fleet.value.root': '{root} (automatic root updates: {autoUpdate})',
  'fleet.page.title': 'ACS fleet summary: {folder}',
  'fleet.page.heading': 'ACS fleet summary',
  /** {generatedAt}: ISO time; {program}: name and version. */
  'fleet.page.intro':
    '{machines, plural, one {# machine} other {# machines}} from {snapshots, plural, one {# snapshot} other {# snapshots}} in {folder} ({files, number} JSON files read). Made {generatedAt} by {program}.',
  'fleet.usage.concurrency': '--concurrency must be a whole number from 1 to 64',
  'fleet.usage.workers': '--workers must be a whole number from 0 to 16',
  /** {path}: the output file; {code}: the system's error code. */
  'fleet.cannotWrite': 'cannot write {path}: {code}',

  // ── `--help` (src-main/cli/): built after the language is known (--lang anywhere on the line, else the
  // system language). Option names, placeholders in capitals (FILE, DIR) and commands stay as they are. ──
  'cli.help.program': 'Finds out why Trend Micro agent services fail to start after an ACS-signed update, and fixes it.',
  /** commander's own words: the --version and --help options, the help command, the hint after a usage error. */
  'cli.help.version': 'output the version number',
  'cli.help.help': 'display help for command',
  'cli.help.afterError': '(run "acs-assistant --help" for usage)',
  /** Headings of the help text (commander writes them with a colon). */
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.globalOptions': 'Global Options:',
  /** "(default: 8)" after an option. {value}: the default value. */
  'cli.help.default': '(default: {value})',
  'cli.help.diagnose':
    'Diagnose a snapshot file ("-" reads standard input): a short answer to read on the phone (verdict, what is wrong, the next step, the support code); --verbose adds every finding with its evidence. Exit code: 0 ready, 1 action required, 2 unsupported, 3 unknown, 64 usage, 65 invalid snapshot.',
  'cli.help.snapshotFile': 'snapshot file (acs-snapshot JSON) or "-"',
  'cli.help.diagnose.verbose': 'every finding with its evidence, and the whole plan',
  'cli.help.diagnose.json': 'print the diagnosis as acs-diagnosis JSON',
  'cli.help.report':
    'Write a report folder for a snapshot: snapshot.json, diagnosis.json, report.html, summary.json and manifest.json (SHA-256 of each). Names and addresses are replaced by placeholders unless --no-redact. Exit code: 0 written, 4 write failed, 64 usage (for example no --out), 65 invalid snapshot.',
  'cli.help.report.out': 'folder to write the report into (created if missing)',
  'cli.help.report.noRedact': 'keep computer, domain and user names and addresses (internal use only)',
  'cli.help.report.journal': 'action journal (JSON lines) whose entries for this computer go into the report',
  'cli.help.decode': 'Decode a support code such as ACS-7Q2F-K9XD (any case, hyphens optional). Exit code: 0 decoded, 64 usage, 65 not a valid code.',
  'cli.help.decode.code': 'the support code (may be given in parts: ACS 7Q2F K9XD)',
  'cli.help.decode.json': 'print the code, the summary and the labelled facts as JSON',
  'cli.help.fleet':
    'Summarise a folder of snapshots (searched recursively): counts per verdict, Windows version and missing update, one row per machine (by machine id, else computer name), conflicting and refused snapshots listed. Exit code: 0 summarised, 4 output not written, 64 usage, 65 folder unreadable.',
  'cli.help.fleet.dir': 'folder holding acs-snapshot JSON files',
  'cli.help.fleet.csv': 'write one row per machine as CSV',
  'cli.help.fleet.html': 'write the summary as a self-contained HTML page',
  'cli.help.fleet.ndjson': 'write one machine per line as JSON (for Power BI, Log Analytics, DuckDB)',
  'cli.help.fleet.json': 'print the whole summary (counts, rows, conflicts, refused and unreadable files) as JSON',
  'cli.help.fleet.concurrency': 'files read at the same time per thread',
  'cli.help.fleet.workers': 'worker threads (default: one per core, at most 8; 0 reads in the main thread)',
  'cli.help.fix':
    'Show (--plan FILE) or apply (--apply) the fix plan. Exit code: 0 fixed, 5 restart needed, 4 failed or not fixed (also after "no", Ctrl+D at a question, or steps left to do), 64 usage, 65 invalid snapshot.',
  'cli.help.fix.plan': 'print what would be done for a snapshot file ("-" reads standard input); changes nothing',
  'cli.help.fix.apply': 'run the plan on this computer (or on --simulate PROFILE)',
  'cli.help.fix.yes': 'do not ask before each step (Intune, ConfigMgr, RMM); required when there is no terminal',
  /** {steps}: the step ids. */
  'cli.help.fix.steps': 'only these steps, comma-separated ({steps})',
  'cli.help.fix.skip': 'skip these steps (comma-separated, as --steps): they stay to do, the others run; an update without --package or --online is skipped the same way',
  'cli.help.fix.simulate': 'apply on a simulated Windows machine (a development copy; see collect --list-profiles)',
  'cli.help.fix.declineUac': 'with --simulate: the simulated user declines the administrator prompt',
  'cli.help.fix.package': 'install the Windows update from this .msu or .cab file (checked first)',
  'cli.help.fix.certificate': 'use this root certificate file instead of the bundled copy (checked against the pinned fingerprints)',
  'cli.help.fix.online': 'open Windows Update instead of installing from a file (allows network use)',
  'cli.help.fix.reboot': '"now" or "later" (default later: never restarts unless told)',
  'cli.help.fix.dataDir': 'folder for the action journal and administrator scripts',
  'cli.help.fix.allowNetwork': 'allow network use (root update reachability check, Windows Update online); default: offline',
  'cli.help.fix.noNetwork': 'offline (the default; kept for scripts that pass it)',
  'cli.help.fix.json': 'print the result as JSON',
  'cli.help.collect':
    'Collect a snapshot of this machine (JSON on stdout, or --out FILE). Progress per section goes to stderr. Exit code: 0 written, 4 the file could not be written, 64 usage (unknown profile or section).',
  'cli.help.collect.out': 'write the snapshot to this file instead of stdout',
  'cli.help.collect.noNetwork': 'do not check whether the root certificate update source can be reached',
  'cli.help.collect.simulate': 'collect from a simulated Windows machine (see --list-profiles)',
  'cli.help.collect.listProfiles': 'list the simulated machine profiles and exit',
  /** {sections}: the section names. */
  'cli.help.collect.sections': 'only these sections, comma-separated ({sections})',
  'cli.help.collect.timeout': 'time limit of the whole collection in milliseconds (default 30000)',
  'cli.help.collect.quiet': 'no progress on stderr',
  'cli.help.kit':
    'Field kit for a computer the app cannot run on: build a USB-stick folder that fixes the computer of SNAPSHOT (FIX.cmd), or one that only checks computers (--collector-only), or read back what a kit did (--result DIR). Exit code when building: 0 kit written, 2 no kit for this computer (ready, not Windows, or steps a kit cannot do), 4 the update file was refused, 64 usage (also: an update file is needed / not needed), 65 invalid snapshot, 73 the folder is not empty or cannot be written. With --result: 0 every step done, 1 steps still to do (not run yet, or waiting for a restart), 4 a step failed or the kit refused to run, 65 not a kit or a damaged result.',
  'cli.help.kit.snapshot': 'snapshot file (acs-snapshot JSON) of the computer to fix',
  'cli.help.kit.out': 'the kit folder to write (empty or new)',
  'cli.help.kit.package': 'the Windows update file (.msu or .cab) the plan needs; checked here, again on the computer',
  'cli.help.kit.collectorOnly': 'write a stick that only checks computers (COLLECT.cmd)',
  'cli.help.kit.result': 'read back a kit folder after it ran: per step done / failed / still to do, and the new diagnosis',
  'cli.help.kit.simulate': 'development copies: check the update file on a simulated Windows machine instead of this computer',
  'cli.help.kit.json': 'print JSON',
  /** commander's usage errors (the English ones are commander's own words). {message}: one of the cli.error.* texts. */
  'cli.error.prefix': 'error: {message}',
  /** {name}: the argument's name (file, snapshot, dir, code). */
  'cli.error.missingArgument': "missing required argument '{name}'",
  /** {option}: the option as written in --help (e.g. "--out <dir>"). */
  'cli.error.optionArgumentMissing': "option '{option}' argument missing",
  'cli.error.requiredOption': "required option '{option}' not specified",
  'cli.error.unknownOption': "unknown option '{option}'",
  'cli.error.unknownCommand': "unknown command '{command}'",
  'cli.error.tooManyArguments': 'too many arguments: expected {expected}, got {got}',
  'cli.error.invalidValue': "option '{option}' argument '{value}' is invalid",
  /** {suggestion}: the option or command meant. */
  'cli.error.didYouMean': '(Did you mean {suggestion}?)',
  /** Usage errors of `fix`, `collect` and `report` (after "acs-assistant: "). {steps}/{sections}: what was given; {known}: the names known. */
  'cli.fix.oneOf': 'give exactly one of --plan FILE or --apply',
  'cli.fix.needYes': 'refusing to change the machine without --yes: there is no terminal to ask for confirmation',
  'cli.fix.rebootValue': '--reboot must be "now" or "later"',
  'cli.fix.declineUacNeedsSimulate': '--decline-uac only works with --simulate',
  'cli.fix.notWindows': 'fix --apply changes Windows and this is not Windows; use --simulate PROFILE to try it on a simulated machine',
  'cli.fix.unknownSteps': '{count, plural, one {unknown step} other {unknown steps}} {steps} (known: {known})',
  'cli.collect.unknownSections': '{count, plural, one {unknown section} other {unknown sections}} {sections} (known: {known})',
  'cli.collect.timeout': '--timeout must be a whole number of milliseconds, at least 1000',
  /** {file}: the output file; {error}: the system's words. */
  'cli.collect.cannotWrite': 'cannot write {file}: {error}',
  /** {dir}: the report folder; {reason}: the system's error code or words. */
  'cli.report.cannotWrite': 'cannot write the report into {dir}: {reason}',
  'cli.report.damagedJournal': '{count} damaged journal line(s) left out',
  // Helpdesk decode (app and `acs-assistant decode`): what a support code says is missing and what to tell
  // the caller next (src-main/shared/support-advice.ts). {kb}: the KB number; {build}: a build such as 19044.1586.
  'advice.missingHeading': 'What is missing',
  'advice.nextHeading': 'What to tell the caller next',
  'advice.missing.update': 'The Windows update {kb}, or any later cumulative update for this Windows.',
  'advice.missing.updateBuild': 'The Windows update {kb}, or any later cumulative update for this Windows (build {build} or later).',
  'advice.missing.rollup': 'The monthly rollup {kb}, or any later monthly rollup for this Windows.',
  'advice.missing.updateWaiting': 'Nothing to download: {kb} (or a later update) is installed and waits for a restart.',
  'advice.missing.updateUnknown': 'A Windows update: the code does not name this Windows release, the report does.',
  'advice.missing.root': 'The Microsoft root certificate “Microsoft Identity Verification Root Certificate Authority 2020”.',
  'advice.missing.rootBlocked': 'Nothing is missing, but the Microsoft root certificate is blocked: it is in “Untrusted Certificates”.',
  'advice.missing.nothing': 'Nothing: Windows has what the security agent needs.',
  'advice.missing.upgrade': 'No update exists for this Windows version: Windows itself must be upgraded.',
  'advice.next.install-update': 'Install {kb}: through Windows Update, or from the Microsoft Update Catalog with the assistant’s step “Install the update” (the file is checked first).',
  'advice.next.install-update-kit': 'Install {kb}: through Windows Update, or with a fix kit built here for a USB stick (FIX.cmd on that computer): the assistant does not run on this Windows.',
  'advice.next.install-update-unnamed': 'Install the Windows update the assistant names, with its step “Install the update”.',
  'advice.next.install-root': 'Install the certificate with the assistant’s step “Install the certificate”: it comes with the assistant, no internet is needed.',
  'advice.next.install-root-kit': 'Install the certificate with a fix kit built here for a USB stick (FIX.cmd on that computer): the assistant does not run on this Windows.',
  'advice.next.restart': 'Restart Windows when the update is installed.',
  'advice.next.unblock-root': 'An administrator removes the certificate from “Untrusted Certificates” and finds the policy that put it there.',
  'advice.next.start-agent': 'Start the security agent again with the assistant’s last step “Start the security agent”.',
  'advice.next.start-agent-kit': 'Start the security agent again: the fix kit does it as its last step (or restart the computer).',
  'advice.next.upgrade-windows': 'Plan the upgrade of Windows with IT (Windows 11, Windows 10 22H2 or a supported Windows Server).',
  'advice.next.send-report': 'Ask for the report: in the assistant, “Save a report for the helpdesk”, then send the folder.',
  'advice.next.nothing': 'Nothing to fix on Windows. If the agent still does not start, ask for the report.',
} as const;

export type MessageId = keyof typeof en;
