import type { HandlersOf } from '../../shared/contract/call';
import type { teacherCalls } from '../../shared/contract/teacher';
import type { Services } from './services';

export function teacherHandlers({ teacher, interfaceLanguage }: Services, dataDir: string): HandlersOf<typeof teacherCalls> {
  return {
    'teacher:status': () => teacher.status(),
    'teacher:setPin': ({ pin }) => teacher.setPin(pin),
    'teacher:unlock': ({ pin }) => teacher.unlock(pin),
    'teacher:lock': ({ teacherToken }) => teacher.lock(teacherToken),
    'teacher:recover': ({ recoveryCode }) => teacher.recover(recoveryCode),
    'teacher:changePin': ({ teacherToken, pin }) => teacher.changePin(teacherToken, pin),
    'teacher:info': () => ({ dataDir }),
    'teacher:setLanguage': ({ language }) => interfaceLanguage.set(language),
  };
}
