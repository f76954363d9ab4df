// Test data for the renderer's slices and actions: diagnoses, plans and outcomes shaped like the
// contract's, and a fake bridge that records calls and emits events like the main process does.
import type { AcsBridge, AppInfo, EventName, EventPayloads, FixPreview, OperationName, OperationResults, Outcome, PlanView } from '../../../src-main/contract/index.js';
import type { Diagnosis, PlanStep } from '../../../src-main/diagnosis/schema.js';

export const updateStep: PlanStep = {
  step: 'install-windows-update',
  title: 'Install the Windows update KB5011487',
  why: 'Windows 10 21H2 needs build 19044.1586 or later to trust the agent’s signature.',
  kb: 'KB5011487',
  needsAdmin: true,
  needsReboot: true,
};
export const rebootStep: PlanStep = { step: 'reboot', title: 'Restart Windows', why: 'The update takes effect after a restart.', needsAdmin: false, needsReboot: true };
export const servicesStep: PlanStep = {
  step: 'start-agent-services',
  title: 'Start the security agent',
  why: 'Its services stopped when Windows refused the signature.',
  services: ['ntrtscan'],
  needsAdmin: true,
  needsReboot: false,
};
export const supportStep: PlanStep = { step: 'contact-support', title: 'Contact support', why: 'Something else is wrong.', needsAdmin: false, needsReboot: false };

export function diagnosisWith(plan: PlanStep[], verdict: Diagnosis['verdict'] = 'action-required'): Diagnosis {
  return {
    format: 'acs-diagnosis',
    version: 1,
    snapshot: { collectedAt: '2026-11-24T10:00:00Z', computerName: 'PC-01' },
    catalogueDate: '2026-11-01',
    verdict,
    headline: verdict === 'ready' ? 'Everything the agent needs is in place.' : 'Windows is missing an update the agent needs.',
    windows: { key: 'win10-21h2', name: 'Windows 10, version 21H2', family: 'windows-10', installationType: 'Client', build: '19044', architecture: 'x64' },
    windowsUpdate: {
      status: verdict === 'ready' ? 'ok' : 'missing',
      requiredKb: 'KB5011487',
      minimumBuild: '19044.1586',
      currentBuild: '19044.1288',
      rule: 'cumulative',
      acceptedKbs: [],
      satisfiedBy: null,
      stricterRule: null,
      reason: 'build below minimum',
      sources: [],
    },
    rootCertificate: { status: 'present', autoUpdate: 'enabled', required: false, thumbprint: 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2', foundIn: ['Root'], reason: '' },
    agentServices: { status: verdict === 'ready' ? 'running' : 'failed-signature', services: [], products: [] },
    pendingReboot: false,
    findings: [],
    plan,
  };
}

export function planViewOf(plan: PlanStep[], verified: number[] = []): PlanView {
  const steps = plan.map((step, index) => ({
    index,
    step,
    state: verified.includes(index) ? ('verified' as const) : ('pending' as const),
    canUndo: false,
    needsUpdateFile: step.step === 'install-windows-update',
    updateFile: null,
    lastMessage: null,
  }));
  const next = steps.find((view) => view.state !== 'verified');
  return { readOnly: false, steps, nextStepIndex: next ? next.index : null };
}

export function previewOf(stepIndex: number, step: PlanStep, ready = true): FixPreview {
  return {
    stepIndex,
    kind: step.step,
    title: step.title,
    whatWillHappen: [`Will do: ${step.title}`],
    commands: [{ file: 'wusa.exe', args: ['C:\\x.msu', '/quiet', '/norestart'], display: 'wusa.exe C:\\x.msu /quiet /norestart', purpose: 'install', elevated: true }],
    needsAdmin: step.needsAdmin,
    needsReboot: step.needsReboot,
    needsNetwork: false,
    offlineAlternative: null,
    canUndo: false,
    undoNote: 'no undo',
    warnings: [],
    checks: [],
    facts: [],
    ready,
    blockers: ready ? [] : ['Choose a local update file first.'],
  };
}

export const appInfo: AppInfo = {
  productName: 'ACS Support Assistant',
  version: '0.1.0',
  shell: 'preview',
  host: { kind: 'simulated', profile: 'win10-21h2-offline-unpatched', title: 'Windows 10 21H2', story: '' },
  offline: true,
  received: null,
  readOnly: false,
  resume: null,
  capabilities: { pdf: false, nativeDialogs: false, reboot: true },
};

type Handler<Op extends OperationName> = (args: unknown) => Promise<Outcome<OperationResults[Op]>> | Outcome<OperationResults[Op]>;

/** A bridge whose answers the test sets per operation; records every call; emits events on demand. */
export class FakeBridge {
  readonly calls: { op: OperationName; args: unknown }[] = [];
  private readonly handlers = new Map<OperationName, Handler<OperationName>>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  answer<Op extends OperationName>(op: Op, handler: Handler<Op>): this {
    this.handlers.set(op, handler as unknown as Handler<OperationName>);
    return this;
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  asBridge(): AcsBridge {
    const target = {
      on: (event: string, listener: (payload: unknown) => void) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener);
        this.listeners.set(event, set);
        return () => set.delete(listener);
      },
    };
    return new Proxy(target, {
      get: (object, name: string) => {
        if (name === 'on') return object.on;
        return async (args: unknown) => {
          this.calls.push({ op: name as OperationName, args });
          const handler = this.handlers.get(name as OperationName);
          if (!handler) return { ok: false, code: 'not-available', message: `no answer for ${name}` };
          return handler(args);
        };
      },
    }) as unknown as AcsBridge;
  }
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
