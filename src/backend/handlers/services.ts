// What the per-domain handler slices are given: the services backend.ts builds over one database.
import type { LessonStore } from '../lesson-store';
import type { AuthoringService } from '../services/authoring';
import type { DraftPageService } from '../services/draft-pages';
import type { LessonPackService } from '../services/lesson-packs';
import type { AcceptedAnswerService } from '../services/accepted-answers';
import type { LearnerService } from '../services/learners';
import type { LmsService } from '../services/lms';
import type { LrsService } from '../services/lrs';
import type { LrsReportService } from '../services/lrs-reports';
import type { OpenAnswerService } from '../services/open-answers';
import type { ProgressService } from '../services/progress';
import type { QuizService } from '../services/quiz';
import type { ReadingService } from '../services/reading';
import type { ReportService } from '../services/reports';
import type { ReviewService } from '../services/review';
import type { TeacherService } from '../services/teacher';
import type { InterfaceLanguageService } from '../services/interface-language';

export interface Services {
  lessons: LessonStore;
  learners: LearnerService;
  reading: ReadingService;
  review: ReviewService;
  progress: ProgressService;
  teacher: TeacherService;
  interfaceLanguage: InterfaceLanguageService;
  quiz: QuizService;
  reports: ReportService;
  acceptedAnswers: AcceptedAnswerService;
  openAnswers: OpenAnswerService;
  lms: LmsService;
  authoring: AuthoringService;
  draftPages: DraftPageService;
  packs: LessonPackService;
  lrs: LrsService;
  lrsReports: LrsReportService;
}
