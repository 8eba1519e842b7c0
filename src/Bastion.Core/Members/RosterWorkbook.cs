using System.Data;
using System.Globalization;
using MiniExcelLibs;

namespace Bastion.Members;

/// <summary>The roster workbook (花名册): template, export, and turning one row into a <see cref="MemberInput"/>.</summary>
public static class RosterWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The column headers, in order, as users see them in the template.</summary>
    public static readonly IReadOnlyList<(string Header, string Field)> Columns =
    [
        ("姓名", nameof(MemberInput.Name)),
        ("性别", nameof(MemberInput.Gender)),
        ("公民身份号码", nameof(MemberInput.ResidentId)),
        ("民族", nameof(MemberInput.Ethnicity)),
        ("出生日期", nameof(MemberInput.BirthDate)),
        ("学历", nameof(MemberInput.Education)),
        ("职业", nameof(MemberInput.Occupation)),
        ("手机号码", nameof(MemberInput.Phone)),
        ("入党时间", nameof(MemberInput.JoinedOn)),
        ("转正时间", nameof(MemberInput.FullOn)),
        ("类别", nameof(MemberInput.Category)),
    ];

    public static string HeaderOf(string field) => Columns.FirstOrDefault(c => c.Field == field).Header ?? field;

    public static readonly IReadOnlyDictionary<Education, string> EducationNames = new Dictionary<Education, string>
    {
        [Education.Postgraduate] = "研究生", [Education.Bachelor] = "大学本科", [Education.College] = "大学专科",
        [Education.Vocational] = "中专", [Education.HighSchool] = "高中", [Education.JuniorHighOrBelow] = "初中及以下",
    };

    public static readonly IReadOnlyDictionary<MemberCategory, string> CategoryNames = new Dictionary<MemberCategory, string>
    {
        [MemberCategory.Full] = "正式党员", [MemberCategory.Probationary] = "预备党员",
    };

    public static readonly IReadOnlyDictionary<Gender, string> GenderNames = new Dictionary<Gender, string>
    {
        [Gender.Male] = "男", [Gender.Female] = "女",
    };

    /// <summary>The empty template: one header row.</summary>
    public static byte[] Template()
    {
        using var table = new DataTable("花名册");
        table.Locale = CultureInfo.InvariantCulture;
        foreach (var (header, _) in Columns) table.Columns.Add(header, typeof(string));
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "花名册");
        return stream.ToArray();
    }

    /// <summary>The members of one organization (filtered), resident ID and phone masked.</summary>
    public static byte[] Export(IEnumerable<MemberDetail> members)
    {
        var rows = members.Select(m => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["姓名"] = m.Name,
            ["性别"] = GenderNames.GetValueOrDefault(m.Gender),
            ["公民身份号码"] = m.ResidentId,
            ["民族"] = m.Ethnicity,
            ["出生日期"] = Iso(m.BirthDate),
            ["学历"] = m.Education is { } e ? EducationNames[e] : null,
            ["职业"] = m.Occupation,
            ["手机号码"] = m.Phone,
            ["入党时间"] = Iso(m.JoinedOn),
            ["转正时间"] = m.FullOn is { } f ? Iso(f) : null,
            ["类别"] = CategoryNames.GetValueOrDefault(m.Category),
        }).ToList();
        if (rows.Count == 0) return Template();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "花名册");
        return stream.ToArray();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One cell that could not be read, or one rule a row breaks. Row numbers are the sheet's (header = 1).</summary>
    public sealed record RowError(int Row, string Column, string Reason);

    /// <summary>Reads one row's cells into a <see cref="MemberInput"/>; unreadable cells become errors.</summary>
    public static MemberInput ReadRow(IDictionary<string, object?> cells, int row, List<RowError> errors)
    {
        string? Text(string header)
        {
            var value = cells.TryGetValue(header, out var v) ? v : null;
            return value switch
            {
                null => null,
                string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
                double => throw new FormatException("Enter this as text, not as a number (Excel rounds long numbers)."),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        T? Cell<T>(string header, Func<string, T?> parse) where T : struct
        {
            try
            {
                var value = cells.TryGetValue(header, out var v) ? v : null;
                return value switch
                {
                    DateTime dt when typeof(T) == typeof(DateOnly) => (T)(object)DateOnly.FromDateTime(dt),
                    double d when typeof(T) == typeof(DateOnly) && d > 0 && d < 2958466 => (T)(object)DateOnly.FromDateTime(DateTime.FromOADate(d)),
                    _ => Text(header) is { } s ? parse(s) ?? throw new FormatException($"“{s}” is not a valid value.") : null,
                };
            }
            catch (FormatException ex)
            {
                errors.Add(new RowError(row, header, ex.Message));
                return null;
            }
        }

        string? TextCell(string header)
        {
            try { return Text(header); }
            catch (FormatException ex) { errors.Add(new RowError(row, header, ex.Message)); return null; }
        }

        return new MemberInput
        {
            Name = TextCell("姓名"),
            Gender = Cell("性别", s => GenderNames.FirstOrDefault(g => g.Value == s || g.Key.ToString().Equals(s, StringComparison.OrdinalIgnoreCase)).Key is var g && g != default ? g : (Gender?)null),
            ResidentId = TextCell("公民身份号码"),
            Ethnicity = TextCell("民族"),
            BirthDate = Cell("出生日期", ParseDate),
            Education = Cell("学历", s => EducationNames.FirstOrDefault(e => e.Value == s).Key is var e && e != default ? e : (Education?)null),
            Occupation = TextCell("职业"),
            Phone = TextCell("手机号码"),
            JoinedOn = Cell("入党时间", ParseDate),
            FullOn = Cell("转正时间", ParseDate),
            Category = Cell("类别", s => CategoryNames.FirstOrDefault(c => c.Value == s || c.Value[..2] == s).Key is var c && c != default ? c : (MemberCategory?)null),
        };
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Whether every cell of the row is empty (such rows are skipped).</summary>
    public static bool IsEmpty(IDictionary<string, object?> cells) =>
        cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

    public static IEnumerable<IDictionary<string, object?>> Rows(Stream stream) =>
        stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
}
