using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using RowError = Bastion.Members.RosterWorkbook.RowError;

namespace Bastion.Study;

/// <summary>
/// Imports questions into a bank from a workbook (the template's columns; extra columns are ignored): all rows or none,
/// each row checked by the same rules as the form (<see cref="Quizzes.Check"/>). 题型 is 单选题, 多选题 or 判断题;
/// 正确答案 gives option letters (A, AC, A、C…) or, for 判断题, 正确/错误 (对/错, √/×).
/// </summary>
public static class ImportQuestions
{
    public static readonly string[] OptionColumns = ["选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G", "选项H"];
    public static readonly string[] Columns = ["题型", "题干", .. OptionColumns, "正确答案"];
    public const int MaxRows = 2_000;

    private static readonly Dictionary<string, QuestionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["单选题"] = QuestionKind.SingleChoice, ["单选"] = QuestionKind.SingleChoice,
        ["多选题"] = QuestionKind.MultipleChoice, ["多选"] = QuestionKind.MultipleChoice,
        ["判断题"] = QuestionKind.TrueFalse, ["判断"] = QuestionKind.TrueFalse,
    };

    public sealed record Result(int Imported, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static byte[] Template() => Workbook.Write("试题", Columns,
    [
        ["单选题", "党的最高领导机关是？", "党的全国代表大会和它所产生的中央委员会", "中央政治局", null, null, null, null, null, null, "A"],
        ["多选题", "党员必须履行的义务包括？", "认真学习", "全心全意为人民服务", "谋取私利", null, null, null, null, null, "AB"],
        ["判断题", "预备党员的预备期为一年。", null, null, null, null, null, null, null, null, "正确"],
    ]);

    public static async Task<Result> HandleAsync(BastionDb db, long bankId, Stream workbook, CancellationToken ct = default)
    {
        var bank = await db.Set<QuestionBank>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bankId, ct) ?? throw new NotFoundException($"Bank {bankId}");
        if (!await db.Organizations.AnyAsync(o => o.Id == bank.OrganizationId, ct)) throw new NotFoundException($"Bank {bankId}");

        using var buffer = new MemoryStream();
        await workbook.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        List<IDictionary<string, object?>> cells;
        try
        {
            cells = buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw ValidationFailedException.For("File", "The file is not a readable .xlsx workbook.");
        }
        if (cells.Count > MaxRows) throw ValidationFailedException.For("File", $"At most {MaxRows:N0} questions can be imported at once.");
        string[] required = ["题型", "题干", "选项A", "选项B", "正确答案"];
        var missing = cells.Count == 0 ? [] : required.Where(h => !cells[0].ContainsKey(h)).ToList();
        if (missing.Count > 0) return new Result(0, [.. missing.Select(h => new RowError(1, h, "This column is missing; start from the question template."))]);

        var errors = new List<RowError>();
        var questions = new List<Question>();
        for (var i = 0; i < cells.Count; i++)
        {
            var row = i + 2;
            var c = cells[i];
            if (Columns.All(h => Text(c, h) is null)) continue;
            var kindText = Text(c, "题型");
            QuestionKind? kind = kindText is not null && Kinds.TryGetValue(kindText, out var k) ? k : null;
            var options = OptionColumns.Select(h => Text(c, h)).ToList();
            var count = options.FindLastIndex(o => o is not null) + 1;
            var answer = Text(c, "正确答案");
            var correct = kind == QuestionKind.TrueFalse ? TrueFalse(answer) : Letters(answer);
            var input = new Quizzes.QuestionInput { Kind = kind, Text = Text(c, "题干"), Options = options.Take(count).Select(o => o ?? "").ToList(), Correct = correct };
            if (Quizzes.Check(input, out var problems) is { } question)
            {
                question.BankId = bank.Id;
                questions.Add(question);
                continue;
            }
            foreach (var (field, messages) in problems)
            {
                var column = field switch
                {
                    nameof(Quizzes.QuestionInput.Kind) => "题型",
                    nameof(Quizzes.QuestionInput.Text) => "题干",
                    nameof(Quizzes.QuestionInput.Options) => "选项A",
                    _ => "正确答案",
                };
                var reason = field == nameof(Quizzes.QuestionInput.Kind) ? "Use 单选题, 多选题 or 判断题." : string.Join(" ", messages);
                if (field == nameof(Quizzes.QuestionInput.Correct) && answer is not null && correct.Count == 0)
                    reason = kind == QuestionKind.TrueFalse ? "Write 正确 or 错误." : "Write the letters of the correct options, e.g. A or AC.";
                errors.Add(new RowError(row, column, reason));
            }
        }
        if (errors.Count > 0) return new Result(0, errors);
        if (questions.Count == 0) return new Result(0, [new RowError(2, "题干", "The sheet has no questions.")]);
        db.Set<Question>().AddRange(questions);
        await db.SaveChangesAsync(ct);
        return new Result(questions.Count, []);
    }

    private static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null && Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>"AC", "A、C", "a,c" → [0, 2]; anything but letters and separators → none (reported).</summary>
    private static List<int> Letters(string? answer)
    {
        if (answer is null) return [];
        var result = new List<int>();
        foreach (var ch in answer.ToUpperInvariant())
        {
            if (ch is >= 'A' and <= 'Z') result.Add(ch - 'A');
            else if (ch is not (',' or '，' or '、' or ' ' or ';' or '；')) return [];
        }
        return result;
    }

    private static List<int> TrueFalse(string? answer) => answer switch
    {
        "正确" or "对" or "√" or "✓" or "是" => [0],
        "错误" or "错" or "×" or "✗" or "否" => [1],
        _ => [],
    };
}
