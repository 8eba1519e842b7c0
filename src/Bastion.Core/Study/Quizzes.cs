using System.Text.Json;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Study;

/// <summary>题库: a bank of questions published by an organization (visible to its subtree and above, like materials).</summary>
public class QuestionBank
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string PublisherPath { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum QuestionKind { SingleChoice = 1, MultipleChoice = 2, TrueFalse = 3 }

public class Question
{
    public long Id { get; set; }
    public long BankId { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    /// <summary>The options as a JSON array of strings.</summary>
    public required string OptionsJson { get; set; }
    /// <summary>Correct options as a bit mask (bit i = option i).</summary>
    public int AnswerMask { get; set; }
}

/// <summary>测试: a paper of <see cref="QuestionCount"/> questions drawn at random from a bank per attempt, timed, with a pass mark and an attempt limit.</summary>
public class Quiz
{
    public long Id { get; set; }
    public long BankId { get; set; }
    public long OrganizationId { get; set; }
    public required string PublisherPath { get; set; }
    public required string Title { get; set; }
    public int QuestionCount { get; set; }
    public int TimeLimitMinutes { get; set; }
    /// <summary>Pass mark in percent.</summary>
    public int PassPercent { get; set; }
    public int MaxAttempts { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class QuizAttempt : IOrganizationOwned
{
    public long Id { get; set; }
    public long QuizId { get; set; }
    public long MemberId { get; set; }
    public long OrganizationId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime DeadlineAt { get; set; }
    /// <summary>The drawn question ids, in order, as a JSON array.</summary>
    public required string QuestionIdsJson { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int? Score { get; set; }
    public bool Passed { get; set; }
}

public sealed class QuizConfiguration :
    IEntityTypeConfiguration<QuestionBank>, IEntityTypeConfiguration<Question>, IEntityTypeConfiguration<Quiz>, IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuestionBank> builder)
    {
        builder.ToTable("QuestionBanks");
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.PublisherPath).HasMaxLength(400);
        builder.HasIndex(b => b.PublisherPath);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Text).HasMaxLength(2000);
        builder.Property(q => q.OptionsJson).HasMaxLength(4000);
        builder.HasIndex(q => q.BankId);
        builder.HasOne<QuestionBank>().WithMany().HasForeignKey(q => q.BankId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Quiz> builder)
    {
        builder.ToTable("Quizzes");
        builder.Property(q => q.Title).HasMaxLength(200);
        builder.Property(q => q.PublisherPath).HasMaxLength(400);
        builder.HasIndex(q => q.PublisherPath);
        builder.HasOne<QuestionBank>().WithMany().HasForeignKey(q => q.BankId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(q => q.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.ToTable("QuizAttempts");
        builder.Property(a => a.QuestionIdsJson).HasMaxLength(4000);
        builder.HasIndex(a => new { a.QuizId, a.MemberId });
        builder.HasIndex(a => new { a.QuizId, a.OrganizationId });
        builder.HasOne<Quiz>().WithMany().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record PaperQuestion(long Id, QuestionKind Kind, string Text, IReadOnlyList<string> Options);

/// <summary>An attempt as the member sees it: the drawn questions without their answers.</summary>
public sealed record AttemptView(long Id, long QuizId, string Title, DateTime StartedAt, DateTime DeadlineAt, DateTime? SubmittedAt, int? Score, bool Passed, int PassPercent,
    IReadOnlyList<PaperQuestion> Questions);

public sealed record QuizResultRow(long OrganizationId, string Name, int Attempted, int Passed);

/// <summary>Question banks, quizzes, timed attempts with automatic grading, and results per organization.</summary>
public static class Quizzes
{
    public const string TimeUpRule = "Study.QuizTimeUp";
    public const string AttemptsUsedRule = "Study.QuizAttemptsUsed";
    public const int MaxOptions = 8;

    public static IQueryable<QuestionBank> VisibleBanks(BastionDb db) => Visible(db, db.Set<QuestionBank>(), b => b.PublisherPath);

    public static IQueryable<Quiz> VisibleQuizzes(BastionDb db) => Visible(db, db.Set<Quiz>(), q => q.PublisherPath);

    private static IQueryable<T> Visible<T>(BastionDb db, IQueryable<T> source, System.Linq.Expressions.Expression<Func<T, string>> path)
    {
        // Same rule as materials: published in the caller's subtree or by an organization above it.
        var up = new List<string>();
        if (db.Scope.Path != TreePath.Everything)
        {
            string? p = null;
            foreach (var id in TreePath.Ids(db.Scope.Path)) up.Add(p = TreePath.Child(p, id));
        }
        var lo = db.Scope.Path;
        var hi = TreePath.UpperBound(lo);
        var param = path.Parameters[0];
        var body = path.Body;
        var contains = System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], System.Linq.Expressions.Expression.Constant(up), body);
        System.Linq.Expressions.Expression<Func<string, bool>> inRange = s => string.Compare(s, lo) >= 0 && string.Compare(s, hi) < 0;
        var range = new ReplaceParameter(inRange.Parameters[0], body).Visit(inRange.Body)!;
        return source.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(System.Linq.Expressions.Expression.OrElse(contains, range), param));
    }

    private sealed class ReplaceParameter(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public static async Task<QuestionBank> CreateBankAsync(BastionDb db, long organizationId, string? title, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var t = title?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 200) throw ValidationFailedException.For("Title", "Give the bank a title of at most 200 characters.");
        var bank = new QuestionBank { OrganizationId = org.Id, PublisherPath = org.Path, Title = t, CreatedAt = Clock.UtcNow(db.Time) };
        db.Set<QuestionBank>().Add(bank);
        await db.SaveChangesAsync(ct);
        return bank;
    }

    public sealed record QuestionInput
    {
        public QuestionKind? Kind { get; init; }
        public string? Text { get; init; }
        public IReadOnlyList<string>? Options { get; init; }
        /// <summary>Indexes of the correct options (for true/false: 0 = true, 1 = false).</summary>
        public IReadOnlyList<int>? Correct { get; init; }
    }

    /// <summary>
    /// The question described by <paramref name="input"/>, or null with the errors per field (Kind, Text, Options,
    /// Correct): single choice has one answer, multiple choice at least one, true/false two fixed options.
    /// </summary>
    public static Question? Check(QuestionInput input, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>();
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000) errors[nameof(QuestionInput.Text)] = ["Write the question (at most 2000 characters)."];
        var kind = input.Kind;
        var options = kind == QuestionKind.TrueFalse ? ["正确", "错误"] : (input.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (kind is null || !Enum.IsDefined(kind.Value)) errors[nameof(QuestionInput.Kind)] = ["Choose single choice, multiple choice or true/false."];
        else if (kind != QuestionKind.TrueFalse && (options.Count is < 2 or > MaxOptions || options.Any(o => o.Length is 0 or > 500)))
            errors[nameof(QuestionInput.Options)] = [$"Give 2 to {MaxOptions} options, none empty."];
        var correct = (input.Correct ?? []).Distinct().ToList();
        if (correct.Any(i => i < 0 || i >= options.Count)) errors[nameof(QuestionInput.Correct)] = ["A correct answer points at no option."];
        else if (kind is QuestionKind.SingleChoice or QuestionKind.TrueFalse && correct.Count != 1) errors[nameof(QuestionInput.Correct)] = ["Mark exactly one correct answer."];
        else if (kind == QuestionKind.MultipleChoice && correct.Count < 1) errors[nameof(QuestionInput.Correct)] = ["Mark the correct answers."];
        if (errors.Count > 0) return null;
        return new Question
        {
            Kind = kind!.Value, Text = text!, OptionsJson = JsonSerializer.Serialize(options), AnswerMask = correct.Aggregate(0, (m, i) => m | (1 << i)),
        };
    }

    /// <summary>Adds a question to a bank in the caller's subtree: single choice has one answer, multiple at least one, true/false two fixed options.</summary>
    public static async Task<Question> AddQuestionAsync(BastionDb db, long bankId, QuestionInput input, CancellationToken ct = default)
    {
        var bank = await db.Set<QuestionBank>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bankId, ct) ?? throw new NotFoundException($"Bank {bankId}");
        if (!await db.Organizations.AnyAsync(o => o.Id == bank.OrganizationId, ct)) throw new NotFoundException($"Bank {bankId}");
        var question = Check(input, out var errors) ?? throw new ValidationFailedException(errors);
        question.BankId = bank.Id;
        db.Set<Question>().Add(question);
        await db.SaveChangesAsync(ct);
        return question;
    }

    public sealed record QuizInput
    {
        public long? BankId { get; init; }
        public string? Title { get; init; }
        public int? QuestionCount { get; init; }
        public int? TimeLimitMinutes { get; init; }
        public int? PassPercent { get; init; }
        public int? MaxAttempts { get; init; }
    }

    public static async Task<Quiz> CreateQuizAsync(BastionDb db, long organizationId, QuizInput input, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200) errors[nameof(QuizInput.Title)] = ["Give the quiz a title of at most 200 characters."];
        var bankSize = input.BankId is { } bid && await VisibleBanks(db).AnyAsync(b => b.Id == bid, ct) ? await db.Set<Question>().CountAsync(q => q.BankId == bid, ct) : -1;
        if (bankSize < 0) errors[nameof(QuizInput.BankId)] = ["Choose a question bank."];
        if (input.QuestionCount is not { } n || n < 1 || (bankSize >= 0 && n > bankSize)) errors[nameof(QuizInput.QuestionCount)] = [$"Between 1 and the bank's {Math.Max(bankSize, 0)} questions."];
        if (input.TimeLimitMinutes is not (>= 1 and <= 300)) errors[nameof(QuizInput.TimeLimitMinutes)] = ["Between 1 and 300 minutes."];
        if (input.PassPercent is not (>= 1 and <= 100)) errors[nameof(QuizInput.PassPercent)] = ["A pass mark between 1 and 100 percent."];
        if (input.MaxAttempts is not (>= 1 and <= 10)) errors[nameof(QuizInput.MaxAttempts)] = ["Between 1 and 10 attempts."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var quiz = new Quiz
        {
            BankId = input.BankId!.Value, OrganizationId = org.Id, PublisherPath = org.Path, Title = title!, QuestionCount = input.QuestionCount!.Value,
            TimeLimitMinutes = input.TimeLimitMinutes!.Value, PassPercent = input.PassPercent!.Value, MaxAttempts = input.MaxAttempts!.Value, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<Quiz>().Add(quiz);
        await db.SaveChangesAsync(ct);
        return quiz;
    }

    /// <summary>Starts an attempt with a paper drawn at random; an attempt still running is returned instead of a new one.</summary>
    public static async Task<AttemptView> StartAsync(BastionDb db, long memberId, long quizId, CancellationToken ct = default)
    {
        var quiz = await VisibleQuizzes(db).AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, ct) ?? throw new NotFoundException($"Quiz {quizId}");
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.Status == MemberStatus.Active, ct) ?? throw new NotFoundException($"Member {memberId}");
        var now = Clock.UtcNow(db.Time);
        var attempts = await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.QuizId == quizId && a.MemberId == memberId).ToListAsync(ct);
        if (attempts.FirstOrDefault(a => a.SubmittedAt == null && a.DeadlineAt >= now) is { } running) return await ViewAsync(db, running, quiz, ct);
        if (attempts.Count >= quiz.MaxAttempts) throw new DomainRuleException(AttemptsUsedRule, $"All {quiz.MaxAttempts} attempts of this quiz are used.");
        var ids = await db.Set<Question>().Where(q => q.BankId == quiz.BankId).Select(q => q.Id).ToListAsync(ct);
        var drawn = ids.OrderBy(_ => Random.Shared.Next()).Take(quiz.QuestionCount).ToList();
        var attempt = new QuizAttempt
        {
            QuizId = quiz.Id, MemberId = member.Id, OrganizationId = member.OrganizationId, StartedAt = now, DeadlineAt = now.AddMinutes(quiz.TimeLimitMinutes),
            QuestionIdsJson = JsonSerializer.Serialize(drawn),
        };
        db.Set<QuizAttempt>().Add(attempt);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, attempt, quiz, ct);
    }

    /// <summary>
    /// Grades the answers (question id → chosen option indexes): a question scores only when exactly the correct options
    /// are chosen. After the deadline the submission is refused and the attempt stays used without a score.
    /// </summary>
    public static async Task<AttemptView> SubmitAsync(BastionDb db, long memberId, long attemptId, IReadOnlyDictionary<long, int[]>? answers, CancellationToken ct = default)
    {
        var attempt = await db.Set<QuizAttempt>().AsTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.MemberId == memberId, ct) ?? throw new NotFoundException($"Attempt {attemptId}");
        if (attempt.SubmittedAt is not null) throw new DomainRuleException("Study.QuizSubmitted", "This attempt is already submitted.");
        if (Clock.UtcNow(db.Time) > attempt.DeadlineAt) throw new DomainRuleException(TimeUpRule, "The time for this attempt is up; the submission was not accepted.");
        var quiz = await db.Set<Quiz>().AsNoTracking().FirstAsync(q => q.Id == attempt.QuizId, ct);
        var ids = JsonSerializer.Deserialize<List<long>>(attempt.QuestionIdsJson)!;
        var masks = await db.Set<Question>().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.AnswerMask }).ToDictionaryAsync(q => q.Id, q => q.AnswerMask, ct);
        var correct = ids.Count(id => answers is not null && answers.TryGetValue(id, out var chosen) && chosen.Distinct().Where(i => i is >= 0 and < 31).Aggregate(0, (m, i) => m | (1 << i)) == masks[id]);
        attempt.SubmittedAt = Clock.UtcNow(db.Time);
        attempt.Score = ids.Count == 0 ? 0 : (int)Math.Round(100.0 * correct / ids.Count, MidpointRounding.AwayFromZero);
        attempt.Passed = attempt.Score >= quiz.PassPercent;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, attempt, quiz, ct);
    }

    private static async Task<AttemptView> ViewAsync(BastionDb db, QuizAttempt attempt, Quiz quiz, CancellationToken ct)
    {
        var ids = JsonSerializer.Deserialize<List<long>>(attempt.QuestionIdsJson)!;
        var questions = await db.Set<Question>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var paper = ids.Select(id => questions[id]).Select(q => new PaperQuestion(q.Id, q.Kind, q.Text, JsonSerializer.Deserialize<List<string>>(q.OptionsJson)!)).ToList();
        return new AttemptView(attempt.Id, quiz.Id, quiz.Title, attempt.StartedAt, attempt.DeadlineAt, attempt.SubmittedAt, attempt.Score, attempt.Passed, quiz.PassPercent, paper);
    }

    /// <summary>Per child organization of the node (and the node): members who attempted and who passed, one grouped statement per level.</summary>
    public static async Task<List<QuizResultRow>?> ResultsAsync(BastionDb db, long quizId, long organizationId, CancellationToken ct = default)
    {
        if (!await VisibleQuizzes(db).AnyAsync(q => q.Id == quizId, ct)) return null;
        var nodes = db.Organizations.Where(o => o.Id == organizationId || o.ParentId == organizationId);
        if (!await nodes.AnyAsync(ct)) return null;
        var rows = await (from n in nodes
                          from o in db.Organizations
                          where string.Compare(o.Path, n.Path) >= 0 && string.Compare(o.Path, n.Path + "~") < 0
                          join a in db.Set<QuizAttempt>() on o.Id equals a.OrganizationId
                          where a.QuizId == quizId
                          group a by new { n.Id, n.Name } into g
                          select new QuizResultRow(g.Key.Id, g.Key.Name, g.Select(a => a.MemberId).Distinct().Count(),
                              g.Where(a => a.Passed).Select(a => a.MemberId).Distinct().Count())).ToListAsync(ct);
        return rows.OrderBy(r => r.OrganizationId == organizationId ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}
