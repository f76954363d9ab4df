// The field kit (docs/field-kit.md): build on the laptop, read back what it did on the target.
export { APP_MINIMUM_BUILD, appRunsOn, buildCollectorKit, buildFixKit, KitError, packageExpectation, type BuiltKit, type CheckPackage, type FixKitInput, type KitErrorCode } from './build.js';
export { KIT_STEP_KINDS, KIT_RESULT_FORMAT, type KitDescription, type KitManifest, type KitResult, type KitStep, type KitStepState } from './kit-files.js';
export { KitReadError, readKitResult, type KitReadBack, type KitStepReport } from './result.js';
export { KIT_TEXT_LANGUAGES, loadKitTexts, type KitLanguage } from './texts.js';
