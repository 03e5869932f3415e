/** A pull request review as GitHub lists it (`GET /pulls/{n}/reviews`), oldest first. */
export interface ReviewFact {
  /** `user.login`; absent for a deleted account. */
  login?: string | undefined;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`. */
  state: string;
  /** `submitted_at`, ISO 8601; reviews are ordered by it, then by id. */
  submittedAt?: string | undefined;
  id: number;
}

/** A comment-only or pending review does not change where a reviewer stands, as on GitHub's own page. */
const DECIDING = new Set(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

/**
 * Everyone whose latest deciding review is APPROVED, the pull request's author excluded (an
 * author cannot approve their own change), logins compared without case and returned sorted. An
 * approval later dismissed, or followed by "changes requested", does not count. Pure.
 */
export function findApprovingReviewers(reviews: readonly ReviewFact[], author: string | undefined): string[] {
  const latest = new Map<string, ReviewFact & { login: string }>();
  const ordered = [...reviews].sort(
    (a, b) => (Date.parse(a.submittedAt ?? "") || 0) - (Date.parse(b.submittedAt ?? "") || 0) || a.id - b.id,
  );
  for (const review of ordered) {
    if (!review.login || !DECIDING.has(review.state)) continue;
    latest.set(review.login.toLowerCase(), { ...review, login: review.login });
  }
  const self = author?.toLowerCase();
  return [...latest.entries()]
    .filter(([key, review]) => key !== self && review.state === "APPROVED")
    .map(([, review]) => review.login)
    .sort((a, b) => a.localeCompare(b, "en"));
}
