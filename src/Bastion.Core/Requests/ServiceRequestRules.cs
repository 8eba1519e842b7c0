using Bastion.Shared;

namespace Bastion.Requests;

/// <summary>The rules of a request's life, pure: who may do what when, and what it changes. Each broken rule is named.</summary>
public static class ServiceRequestRules
{
    public const int MaxDescription = 4000;
    public const int MaxAddress = 300;
    public const int MaxText = 2000;
    public const int MaxComment = 500;
    public const int MaxContact = 100;

    public static (DateTime FirstResponseDue, DateTime ResolutionDue) Deadlines(ServiceCategoryRule category, DateTime receivedAt) =>
        (receivedAt.AddHours(category.FirstResponseHours), receivedAt.AddHours(category.ResolutionHours));

    /// <summary>Text as stored: trimmed, control characters (other than line breaks and tabs) removed. Pages escape it.</summary>
    public static string CleanText(string? text) =>
        new((text ?? "").Trim().Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());

    /// <summary>A contact masked for lists: a mobile number as 138****5678, anything else keeps its first character.</summary>
    public static string MaskContact(string contact)
    {
        var digits = new string(contact.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1') return digits[..3] + "****" + digits[7..];
        return contact.Length <= 1 ? "*" : contact[..1] + new string('*', Math.Min(contact.Length - 1, 8));
    }

    public static void Take(ServiceRequest r, long userId, DateTime now)
    {
        if (r.Status == ServiceRequestStatus.Closed) throw new DomainRuleException("ClosedRequestCannotChange", "The request is closed.");
        if (r.OwnerUserId is not null) throw new DomainRuleException("RequestAlreadyHasOwner", "The request already has an owner; ask the owner for a hand-over.");
        r.OwnerUserId = userId;
        if (r.Status == ServiceRequestStatus.Received) r.Status = ServiceRequestStatus.InProgress;
        r.FirstRespondedAt ??= now;
        r.UpdatedAt = now;
    }

    public static void RequestHandover(ServiceRequest r, long userId, long toUserId, string reason, DateTime now)
    {
        EnsureOwner(r, userId);
        if (r.Status == ServiceRequestStatus.Closed) throw new DomainRuleException("ClosedRequestCannotChange", "The request is closed.");
        if (toUserId == userId) throw new DomainRuleException("HandoverNeedsAnotherOwner", "A request is handed over to someone else.");
        if (r.PendingHandoverToUserId is not null) throw new DomainRuleException("OneHandoverAtATime", "A hand-over is already waiting for acceptance.");
        if (string.IsNullOrWhiteSpace(reason)) throw ValidationFailedException.For("Reason", "A hand-over needs a reason.");
        r.PendingHandoverToUserId = toUserId;
        r.PendingHandoverReason = reason;
        r.PendingHandoverAt = now;
        r.UpdatedAt = now;
    }

    /// <summary>Only the proposed owner accepts; then, and only then, the owner changes (首问负责).</summary>
    public static void AcceptHandover(ServiceRequest r, long userId, DateTime now)
    {
        if (r.PendingHandoverToUserId != userId) throw new DomainRuleException("OnlyTheProposedOwnerAccepts", "No hand-over of this request waits for you.");
        r.OwnerUserId = userId;
        ClearHandover(r);
        r.UpdatedAt = now;
    }

    /// <summary>The proposed owner declines, or the owner withdraws: the owner stays responsible.</summary>
    public static void DeclineHandover(ServiceRequest r, long userId, DateTime now)
    {
        if (r.PendingHandoverToUserId is null) throw new DomainRuleException("NoHandoverPending", "No hand-over is waiting.");
        if (r.PendingHandoverToUserId != userId && r.OwnerUserId != userId)
            throw new DomainRuleException("OnlyTheProposedOwnerAccepts", "No hand-over of this request waits for you.");
        ClearHandover(r);
        r.UpdatedAt = now;
    }

    public static void Reply(ServiceRequest r, long userId, string answer, DateTime now)
    {
        EnsureOwner(r, userId);
        if (!r.IsOpen) throw new DomainRuleException("OnlyOpenRequestsAreAnswered", "The request has already been answered.");
        if (string.IsNullOrWhiteSpace(answer)) throw ValidationFailedException.For("Answer", "The answer is required.");
        r.PublicAnswer = answer;
        r.Status = ServiceRequestStatus.Answered;
        r.AnsweredAt = now;
        r.FirstRespondedAt ??= now;
        r.UpdatedAt = now;
    }

    public static void Close(ServiceRequest r, long userId, DateTime now)
    {
        EnsureOwner(r, userId);
        if (r.Status != ServiceRequestStatus.Answered) throw new DomainRuleException("OnlyAnsweredRequestsClose", "Answer the request before closing it.");
        r.Status = ServiceRequestStatus.Closed;
        r.ClosedAt = now;
        r.UpdatedAt = now;
    }

    public static void Rate(ServiceRequest r, int rating, string? comment, DateTime now)
    {
        if (r.Status is not (ServiceRequestStatus.Answered or ServiceRequestStatus.Closed))
            throw new DomainRuleException("OnlyAnsweredRequestsAreRated", "The request can be rated once it has been answered.");
        if (r.Rating is not null) throw new DomainRuleException("OneRatingPerAnswer", "This answer has already been rated.");
        if (rating is < 1 or > 5) throw ValidationFailedException.For("Rating", "Choose 1 to 5.");
        if (comment?.Length > MaxComment) throw ValidationFailedException.For("Comment", $"The comment may have at most {MaxComment} characters.");
        r.Rating = rating;
        r.RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        r.RatedAt = now;
        r.UpdatedAt = now;
    }

    /// <summary>The last moment the requester may reopen an answered request.</summary>
    public static DateTime? ReopenDeadline(ServiceRequest r, ServiceRequestRuleSet rules) =>
        r.Status is ServiceRequestStatus.Answered or ServiceRequestStatus.Closed && r.AnsweredAt is { } answered ? answered.AddDays(rules.ReopenWindowDays) : null;

    public static void Reopen(ServiceRequest r, ServiceRequestRuleSet rules, ServiceCategoryRule category, string reason, DateTime now)
    {
        if (ReopenDeadline(r, rules) is not { } deadline) throw new DomainRuleException("OnlyAnsweredRequestsReopen", "Only an answered request can be reopened.");
        if (now > deadline) throw new DomainRuleException("ReopenWindowPassed", $"A request can be reopened within {rules.ReopenWindowDays} days of its answer.");
        if (string.IsNullOrWhiteSpace(reason)) throw ValidationFailedException.For("Reason", "Say why the answer does not solve the problem.");
        r.Status = ServiceRequestStatus.InProgress;
        r.ReopenCount++;
        r.AnsweredAt = null;
        r.ClosedAt = null;
        r.Rating = null;
        r.RatingComment = null;
        r.RatedAt = null;
        r.ResolutionDueAt = now.AddHours(category.ResolutionHours);
        r.UpdatedAt = now;
    }

    /// <summary>
    /// How many levels up the tree an open request belongs: 1 once the first response is overdue, 2 once the resolution
    /// is overdue. The escalation job raises a request to this level when it is higher than the current one.
    /// </summary>
    public static int RequiredEscalationLevel(ServiceRequest r, DateTime now)
    {
        if (!r.IsOpen) return 0;
        if (now > r.ResolutionDueAt) return 2;
        if (r.FirstRespondedAt is null && now > r.FirstResponseDueAt) return 1;
        return 0;
    }

    /// <summary>The organization <paramref name="levels"/> up from the one at <paramref name="path"/>, stopping at the root; null at the root.</summary>
    public static long? AncestorUp(string path, int levels)
    {
        var ids = Organizations.TreePath.Ids(path);
        if (ids.Count < 2 || levels < 1) return null;
        return ids[Math.Max(0, ids.Count - 1 - levels)];
    }

    /// <summary>The request is due soon (within the reminder lead time) and not overdue yet.</summary>
    public static bool DueSoon(ServiceRequest r, ServiceRequestRuleSet rules, DateTime now) =>
        r.IsOpen && now <= r.ResolutionDueAt && r.ResolutionDueAt - now <= TimeSpan.FromHours(rules.RemindBeforeHours);

    public static bool AnsweredOnTime(DateTime answeredAt, DateTime resolutionDueAt) => answeredAt <= resolutionDueAt;

    private static void EnsureOwner(ServiceRequest r, long userId)
    {
        if (r.OwnerUserId != userId)
            throw new DomainRuleException("OnlyTheOwnerActs", r.OwnerUserId is null ? "Take the request first." : "Only the request's owner may do this.");
    }

    private static void ClearHandover(ServiceRequest r)
    {
        r.PendingHandoverToUserId = null;
        r.PendingHandoverReason = null;
        r.PendingHandoverAt = null;
    }
}
