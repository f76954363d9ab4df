// Texts Windows prints in the machine's language, for the simulated host: event messages, Win32 error
// texts, and the labels of certutil/reg/sc output. English texts follow Windows closely; German and
// Japanese are best-effort renderings of the localised Windows strings (simulated, not recorded).
import type { MachineLanguage } from './machine-state.js';

type Localised = Record<MachineLanguage, string>;

/** Win32 error texts, by code. */
export const WIN32_ERROR_TEXT: Record<number, Localised> = {
  5: { 'en-US': 'Access is denied.', 'de-DE': 'Zugriff verweigert', 'ja-JP': 'アクセスが拒否されました。' },
  577: {
    'en-US':
      'Windows cannot verify the digital signature for this file. A recent hardware or software change might have installed a file that is signed incorrectly or damaged, or that might be malicious software from an unknown source.',
    'de-DE':
      'Die digitale Signatur dieser Datei kann von Windows nicht überprüft werden. Bei einer kürzlich durchgeführten Hardware- oder Softwareänderung wurde möglicherweise eine Datei installiert, die falsch signiert wurde oder beschädigt ist, oder es handelt sich um bösartige Software aus unbekannter Quelle.',
    'ja-JP':
      'このファイルのデジタル署名を検証できません。最近のハードウェアまたはソフトウェアの変更により、正しく署名されていないファイルや破損したファイルがインストールされたか、または不明なソースからの悪意のあるソフトウェアである可能性があります。',
  },
  1060: {
    'en-US': 'The specified service does not exist as an installed service.',
    'de-DE': 'Der angegebene Dienst ist kein installierter Dienst.',
    'ja-JP': '指定されたサービスはインストールされたサービスとして存在しません。',
  },
  1068: {
    'en-US': 'The dependency service or group failed to start.',
    'de-DE': 'Der Abhängigkeitsdienst oder die Abhängigkeitsgruppe konnte nicht gestartet werden.',
    'ja-JP': '依存サービスまたはグループを開始できませんでした。',
  },
};

export function win32ErrorText(code: number, language: MachineLanguage): string {
  return WIN32_ERROR_TEXT[code]?.[language] ?? `Win32 error ${code}`;
}

/** SCM 7000: "%1 failed to start due to the following error: %2" (the %2 error text follows a line break). */
export function scm7000Message(displayName: string, win32Code: number, language: MachineLanguage): string {
  const error = win32ErrorText(win32Code, language);
  switch (language) {
    case 'de-DE':
      return `Der Dienst "${displayName}" wurde aufgrund folgenden Fehlers nicht gestartet: \r\n${error}`;
    case 'ja-JP':
      return `${displayName} サービスを、次のエラーが原因で開始できませんでした: \r\n${error}`;
    default:
      return `The ${displayName} service failed to start due to the following error: \r\n${error}`;
  }
}

/** SCM 7001: a dependency failed to start. */
export function scm7001Message(displayName: string, dependencyDisplayName: string, win32Code: number, language: MachineLanguage): string {
  const error = win32ErrorText(win32Code, language);
  switch (language) {
    case 'de-DE':
      return `Der Dienst "${displayName}" ist vom Dienst "${dependencyDisplayName}" abhängig, der aufgrund folgenden Fehlers nicht gestartet werden konnte: \r\n${error}`;
    case 'ja-JP':
      return `${displayName} サービスは ${dependencyDisplayName} サービスに依存していますが、このサービスは次のエラーが原因で開始できませんでした: \r\n${error}`;
    default:
      return `The ${displayName} service depends on the ${dependencyDisplayName} service which failed to start because of the following error: \r\n${error}`;
  }
}

/** CodeIntegrity 3004: the file hash could not be found. */
export function ci3004Message(filePath: string, language: MachineLanguage): string {
  switch (language) {
    case 'de-DE':
      return `Windows kann die Abbildintegrität der Datei "${filePath}" nicht überprüfen, weil der Dateihash im System nicht gefunden wurde. Möglicherweise wurde die Datei durch eine kürzlich durchgeführte Hardware- oder Softwareänderung falsch signiert oder beschädigt, oder es handelt sich um bösartige Software aus unbekannter Quelle.`;
    case 'ja-JP':
      return `ファイル ハッシュがシステム上で見つからなかったため、ファイル ${filePath} のイメージの整合性を検証できません。最近のハードウェアまたはソフトウェアの変更によって、正しく署名されていないファイルまたは破損したファイルがインストールされたか、不明なソースからの悪意のあるソフトウェアである可能性があります。`;
    default:
      return `Code Integrity is unable to verify the image integrity of the file ${filePath} because file hash could not be found on the system.`;
  }
}

/** Get-AuthenticodeSignature StatusMessage per status. */
export function authenticodeStatusMessage(status: string, language: MachineLanguage): string {
  const texts: Record<string, Localised> = {
    Valid: { 'en-US': 'Signature verified.', 'de-DE': 'Die Signatur wurde überprüft.', 'ja-JP': '署名は検証されました。' },
    NotTrusted: {
      'en-US': 'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.',
      'de-DE': 'Eine Zertifikatkette wurde zwar verarbeitet, endete jedoch mit einem Stammzertifikat, das beim Vertrauensanbieter nicht als vertrauenswürdig gilt.',
      'ja-JP': '証明書チェーンは処理されましたが、信頼プロバイダーが信頼していないルート証明書で強制終了しました。',
    },
    NotSigned: {
      'en-US': 'The file is not digitally signed. You cannot run this script on the current system.',
      'de-DE': 'Die Datei ist nicht digital signiert.',
      'ja-JP': 'ファイルはデジタル署名されていません。',
    },
    HashMismatch: {
      'en-US': 'The contents of file might have been changed by an unauthorized user or process, because the hash of the file does not match the hash stored in the digital signature.',
      'de-DE':
        'Der Inhalt der Datei wurde möglicherweise von einem nicht autorisierten Benutzer oder Prozess geändert, da der Hash der Datei nicht mit dem in der digitalen Signatur gespeicherten Hash übereinstimmt.',
      'ja-JP': 'ファイルのハッシュがデジタル署名に格納されているハッシュと一致しないため、ファイルの内容が未承認のユーザーまたはプロセスによって変更された可能性があります。',
    },
  };
  return texts[status]?.[language] ?? status;
}

/** "reg query" when a key or value is missing (the only line it prints, on stderr). */
export function regNotFoundText(language: MachineLanguage): string {
  switch (language) {
    case 'de-DE':
      return 'FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.';
    case 'ja-JP':
      return 'エラー: 指定されたレジストリ キーまたは値は見つかりませんでした。';
    default:
      return 'ERROR: The system was unable to find the specified registry key or value.';
  }
}

export function regAccessDeniedText(language: MachineLanguage): string {
  switch (language) {
    case 'de-DE':
      return 'FEHLER: Zugriff verweigert';
    case 'ja-JP':
      return 'エラー: アクセスが拒否されました。';
    default:
      return 'ERROR: Access is denied.';
  }
}

/** Labels certutil -store prints (localised; NotBefore/NotAfter stay English on every language). */
export interface CertutilLabels {
  certificate: string;
  serial: string;
  issuer: string;
  subject: string;
  hash: string;
  success: string;
  /** Date and time in the language's short format, in the machine's local time (here: UTC). */
  formatDate: (iso: string) => string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export const CERTUTIL_LABELS: Record<MachineLanguage, CertutilLabels> = {
  'en-US': {
    certificate: 'Certificate',
    serial: 'Serial Number',
    issuer: 'Issuer',
    subject: 'Subject',
    hash: 'Cert Hash(sha1)',
    success: 'CertUtil: -store command completed successfully.',
    formatDate: (iso) => {
      const d = new Date(iso);
      const hour = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
      return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour}:${pad(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    },
  },
  'de-DE': {
    certificate: 'Zertifikat',
    serial: 'Seriennummer',
    issuer: 'Aussteller',
    subject: 'Antragsteller',
    hash: 'Zertifikathash(sha1)',
    success: 'CertUtil: -store-Befehl wurde erfolgreich ausgeführt.',
    formatDate: (iso) => {
      const d = new Date(iso);
      return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    },
  },
  'ja-JP': {
    certificate: '証明書',
    serial: 'シリアル番号',
    issuer: '発行者',
    subject: 'サブジェクト',
    hash: '証明書ハッシュ(sha1)',
    success: 'CertUtil: -store コマンドは正常に完了しました。',
    formatDate: (iso) => {
      const d = new Date(iso);
      return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
    },
  },
};

/** Win32_QuickFixEngineering.InstalledOn as Windows writes it: a date in the machine's short date format. */
export function installedOnText(isoDate: string | null, language: string): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.split('-').map((part) => Number.parseInt(part, 10)) as [number, number, number];
  switch (language) {
    case 'de-DE':
      return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
    case 'ja-JP':
      return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
    case 'en-GB':
      return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
    default:
      return `${month}/${day}/${year}`;
  }
}
