// What the buttons do: each action asks the main process through the bridge and feeds the answers to
// the slices as pure transitions. With fix-actions.ts, the only code that talks to the bridge.
import type { AcsBridge, BridgeFailure, OperationResult, PlanView } from '../../src-main/contract/index.js';
import { PROBE_SECTION_ORDER } from '../state/probe-sections.js';
import * as checking from '../state/checking.js';
import * as fixes from '../state/fixes.js';
import * as helpdesk from '../state/helpdesk.js';
import * as navigation from '../state/navigation.js';
import * as report from '../state/report.js';
import * as session from '../state/session.js';
import type { WizardStep } from '../wizard/steps.js';
import { createFixActions, type FixActions } from './fix-actions.js';

const { checkingStore } = checking;
const { fixesStore } = fixes;
const { helpdeskStore } = helpdesk;
const { navigationStore } = navigation;
const { reportStore } = report;
const { sessionStore } = session;

export interface WizardActions extends FixActions {
  boot(): Promise<void>;
  go(step: WizardStep): void;
  back(): void;
  startCheck(): Promise<void>;
  cancelCheck(): Promise<void>;
  verifyAll(): Promise<void>;
  openReport(): Promise<void>;
  setRedact(redact: boolean): void;
  /** "choose": a folder dialog (a USB stick), only where the shell has native dialogs. */
  exportReport(destination?: 'default' | 'choose'): Promise<void>;
  /** `folder`: ask the system dialog for a report folder instead of a snapshot file (Electron). */
  openReceived(path?: string, folder?: boolean): Promise<void>;
  closeReceived(): Promise<void>;
  openLink(url: string): Promise<void>;
  /** The person allows (true) or stops (false) the app's own network use; off by default. */
  setNetworkAllowed(allowed: boolean): Promise<void>;
  editSupportCode(input: string): void;
  decodeSupportCode(): Promise<void>;
  startOver(): void;
  /** Field kit (docs/field-kit.md): offered for the current snapshot? Its answer, or a bridge failure. */
  kitInfo(): Promise<OperationResult<'kitInfo'>>;
  /** Builds the field kit (the update file through the picker; `packagePath` = a candidate it offered). */
  buildFixKit(packagePath?: string): Promise<OperationResult<'buildFixKit'>>;
  /** What a kit did on its computer (a kit folder built in this session, or one picked). */
  readFixKit(path?: string): Promise<OperationResult<'readFixKit'>>;
  /** Copies a text (Electron's clipboard through the main process; the page's own in the preview): did it work? */
  copyText(text: string): Promise<boolean>;
  /** Opens a folder the main process vouched for (Explorer); the preview answers that nothing opens. */
  openFolder(path: string): Promise<OperationResult<'openFolder'>>;
  /** Version and where the journal and the reports live (the About panel). */
  getPlaces(): Promise<OperationResult<'getPlaces'>>;
  /** The saved report as a PDF, where the person chooses (a save dialog). */
  saveReportPdf(): Promise<OperationResult<'saveReportPdf'>>;
  /** The system's print dialog for this screen (print styles show the result and the support code). */
  print(): void;
  /** Closes the app window; false in the preview (the tab stays: the screen says it can be closed). */
  closeWindow(): Promise<boolean>;
  /** The upgrade guide: Settings > Windows Update, or Microsoft's page (called after the person agreed to go online). */
  openUpgradeGuide(target: 'settings' | 'web'): Promise<OperationResult<'openUpgradeGuide'>>;
}

/** The page's own clipboard (the preview); false where the browser refuses. */
async function copyInPage(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Problem screen for an answer that the wizard cannot put on a step. */
function problem(failure: BridgeFailure): WizardStep {
  return { kind: 'problem', message: failure.message };
}

export interface ActionOptions {
  /** The checking list stays on screen at least this long (ms), ticked off, when the check answers
   * sooner (issue 16, point 13): a person sees what was checked. The check itself is not slowed: its
   * result is already in the slices, only the next screen waits. Default 0 (tests); the app uses 800. */
  minCheckingMs?: number;
}

export function createActions(bridge: AcsBridge, clock: () => number = () => performance.now(), options: ActionOptions = {}): WizardActions {
  const go = (step: WizardStep): void => navigationStore.apply(navigation.goTo, step);
  /** Waits until the checking list has been on screen `minCheckingMs` since `started`. */
  const holdChecking = async (started: number): Promise<void> => {
    const rest = (options.minCheckingMs ?? 0) - (clock() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  };
  const setPlan = (plan: PlanView): void => sessionStore.apply(session.planLoaded, plan);

  async function refreshPlan(): Promise<void> {
    const plan = await bridge.listPlan();
    if (plan.ok) setPlan(plan.value);
  }

  /** Runs the probe with the checking list ticking; resolves to whether a diagnosis arrived. */
  async function probe(): Promise<boolean> {
    checkingStore.apply(checking.startChecking, PROBE_SECTION_ORDER);
    const started = clock();
    const ticker = setInterval(() => checkingStore.apply(checking.tickChecking, clock() - started), 250);
    try {
      const outcome = await bridge.startProbe({});
      if (!outcome.ok) {
        checkingStore.apply(checking.finishChecking, outcome.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message: outcome.message });
        return false;
      }
      checkingStore.apply(checking.finishChecking, { kind: 'done', sectionErrors: outcome.value.snapshot.sectionErrors });
      // A fresh check makes a fresh plan: runs of the old plan's steps no longer apply.
      fixesStore.reset();
      sessionStore.apply(session.diagnosed, outcome.value.diagnosis, outcome.value.snapshot);
      await refreshPlan();
      await holdChecking(started);
      return true;
    } finally {
      clearInterval(ticker);
    }
  }

  const fixActions = createFixActions({ bridge, go, setPlan, refreshPlan, problem, verifyAll: () => actions.verifyAll(), clock, holdChecking });

  const actions: WizardActions = {
    async boot() {
      // Listen for the whole session: the event stream is open before the first probe starts.
      bridge.on('probe-progress', (event) => checkingStore.apply(checking.applySectionProgress, event));
      bridge.on('fix-progress', (event) => fixesStore.apply(fixes.progressArrived, event));
      const info = await bridge.getAppInfo();
      // Refused at the very first call: the preview was opened without its access token (an address typed
      // by hand, another tab); the problem screen says how to open it.
      if (!info.ok) return go(info.code === 'forbidden' ? { kind: 'problem', message: info.message, reason: 'no-access' } : problem(info));
      sessionStore.apply(session.appInfoLoaded, info.value);
      if (info.value.received) {
        const view = await bridge.getDiagnosis();
        if (view.ok && view.value.received) {
          sessionStore.apply(session.receivedOpened, view.value.received, view.value.snapshot, view.value.diagnosis);
          go({ kind: 'snapshot' });
        }
      }
    },
    go,
    back: () => navigationStore.apply(navigation.goBack),

    async startCheck() {
      sessionStore.apply(session.resumeForgotten);
      go({ kind: 'checking' });
      if (await probe()) go({ kind: 'result' });
    },

    async cancelCheck() {
      checkingStore.apply(checking.requestCancel);
      await bridge.cancelProbe();
    },

    ...fixActions,

    async verifyAll() {
      go({ kind: 'verify' });
      if (await probe()) go({ kind: 'done' });
    },

    async openReport() {
      go({ kind: 'report' });
      reportStore.apply(report.redactionPreviewRequested);
      const preview = await bridge.previewRedaction();
      if (preview.ok) reportStore.apply(report.redactionPreviewLoaded, preview.value.replacements);
      else reportStore.apply(report.reportFailed, preview.message);
    },

    setRedact: (redact) => reportStore.apply(report.redactionChosen, redact),

    async exportReport(destination = 'default') {
      reportStore.apply(report.exportStarted);
      const pdf = sessionStore.getState().appInfo?.capabilities.pdf ?? false;
      const exported = await bridge.exportReport({ redact: reportStore.getState().redact, pdf, destination });
      if (exported.ok) reportStore.apply(report.exportFinished, exported.value);
      else reportStore.apply(report.reportFailed, exported.message);
    },

    async openReceived(path, folder) {
      const choice = await bridge.openReceived({ ...(path ? { path } : {}), ...(folder ? { folder } : {}) });
      if (!choice.ok) {
        // Not a dead end: the chooser stays, says why, and keeps its way back.
        if (choice.code === 'internal') return go(problem(choice));
        sessionStore.apply(session.receivedFailed, choice.message);
        return go({ kind: 'snapshot' });
      }
      if (choice.value.status === 'pick') {
        sessionStore.apply(session.receivedCandidates, choice.value.candidates);
        return go({ kind: 'snapshot' });
      }
      if (choice.value.status === 'opened') {
        const { received, snapshot, diagnosis } = choice.value;
        sessionStore.apply(session.receivedOpened, received, snapshot, diagnosis);
        go({ kind: 'snapshot' });
      }
    },

    async closeReceived() {
      await bridge.closeReceived();
      sessionStore.apply(session.receivedClosed);
      actions.startOver();
    },

    async setNetworkAllowed(allowed) {
      const answer = await bridge.allowNetwork({ allowed });
      if (!answer.ok) return go(problem(answer));
      sessionStore.apply(session.networkChosen, answer.value.offline);
      // The step on screen may now take another route (online update or local file): preview it again.
      const step = navigationStore.getState().step;
      if (step.kind === 'fix') await actions.openFix(step.index);
    },

    async openLink(url) {
      await bridge.openExternalLink({ url });
    },

    editSupportCode: (input) => helpdeskStore.apply(helpdesk.editCode, input),

    async decodeSupportCode() {
      const code = helpdesk.normaliseSupportCode(helpdeskStore.getState().input);
      helpdeskStore.apply(helpdesk.decodeStarted);
      const decoded = await bridge.decodeSupportCode({ code });
      if (decoded.ok) helpdeskStore.apply(helpdesk.decodeSucceeded, decoded.value);
      else helpdeskStore.apply(helpdesk.decodeFailed, decoded.message);
    },

    startOver() {
      checkingStore.reset();
      fixesStore.reset();
      reportStore.reset();
      navigationStore.reset();
    },

    kitInfo() {
      return bridge.kitInfo({});
    },

    buildFixKit(packagePath) {
      return bridge.buildFixKit({ consent: true, ...(packagePath ? { packagePath } : {}) });
    },

    readFixKit(path) {
      return bridge.readFixKit(path ? { path } : {});
    },

    async copyText(text) {
      const answer = await bridge.copyText({ text });
      if (!answer.ok) return false;
      return answer.value.copiedBy === 'system' ? true : copyInPage(text);
    },

    openFolder(path) {
      return bridge.openFolder({ path });
    },

    getPlaces() {
      return bridge.getPlaces();
    },

    saveReportPdf() {
      return bridge.saveReportPdf({ destination: 'choose' });
    },

    print() {
      window.print();
    },

    async closeWindow() {
      const answer = await bridge.closeWindow();
      return answer.ok && answer.value.closed;
    },

    openUpgradeGuide(target) {
      // The web page only after the screen asked and the person said yes (the button that calls this).
      return bridge.openUpgradeGuide(target === 'web' ? { target, consent: true } : { target });
    },
  };
  return actions;
}
