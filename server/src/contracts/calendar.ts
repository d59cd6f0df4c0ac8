/** The working calendar's API contract, shared by the server and the web app. */

/** A day that is not an ordinary weekday or weekend: a holiday, a swapped working day, or an administrator's correction. */
export interface CalendarDay {
  day: string;
  workday: boolean;
  name: string;
  /** official: the published calendar; override: set by an administrator (officialWorkday says what it replaced). */
  source: 'official' | 'override';
  officialWorkday: boolean;
  updatedByName: string | null;
}
